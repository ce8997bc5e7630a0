package dev.scribe.platform.security;

import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Caches successful token verifications, so a token sent again skips the ES256 signature check.
 *
 * <p>The key is the SHA-256 of the token, so the map never stores a token itself. An entry is valid
 * until the token's {@code exp} and at most {@code maxAge} after it was stored. Every hit compares
 * that time with the clock, so an expired token is rejected even while it is cached. Failed
 * verifications are not cached. The map keeps the {@code maxEntries} most recently used entries.
 *
 * <p>NOTE: a cached token stays accepted until its entry expires, even when its signing key has
 * left the key set in the meantime.
 */
public final class VerifiedTokenCache {

    /** The signature and claims check that runs on a cache miss. */
    @FunctionalInterface
    public interface Verification {
        UserClaims verify(String token) throws TokenVerificationException;
    }

    /** Claims of a verified token and the instant until which they may be reused. */
    public record VerifiedToken(UserClaims claims, Instant validUntil) {}

    private final Verification verification;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, VerifiedToken> entries;

    public VerifiedTokenCache(
            Verification verification, Clock clock, int maxEntries, Duration maxAge) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException(
                    "maxEntries must be at least 1, but is " + maxEntries);
        }
        this.verification = verification;
        this.clock = clock;
        this.maxAge = maxAge;
        // Access order makes the eldest entry the least recently used one.
        this.entries =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, VerifiedToken> eldest) {
                        return size() > maxEntries;
                    }
                };
    }

    /**
     * Verifies {@code token}, from the cache when an unexpired entry exists.
     *
     * @throws TokenVerificationException when the token fails verification
     */
    public VerifiedToken verify(String token) throws TokenVerificationException {
        if (token == null || token.isBlank()) {
            throw new TokenVerificationException("The token is missing");
        }
        String key = sha256(token);
        Instant now = clock.instant();

        VerifiedToken cached;
        synchronized (entries) {
            cached = entries.get(key);
            if (cached != null && !now.isBefore(cached.validUntil())) {
                entries.remove(key);
                cached = null;
            }
        }
        if (cached != null) {
            return cached;
        }

        UserClaims claims = verification.verify(token);
        Instant validUntil = min(expiryOf(token), now.plus(maxAge));
        VerifiedToken verified = new VerifiedToken(claims, validUntil);

        // A token that the verifier accepts within its clock skew after exp is not stored.
        if (now.isBefore(validUntil)) {
            synchronized (entries) {
                entries.put(key, verified);
            }
        }
        return verified;
    }

    /** Returns the number of cached entries, expired ones included until they are looked up. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * Reads the {@code exp} claim of a token that has just passed verification, which already
     * rejected a token without one.
     */
    private static Instant expiryOf(String token) throws TokenVerificationException {
        try {
            Date expiry = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime();
            if (expiry == null) {
                throw new TokenVerificationException("The token has no expiry time");
            }
            return expiry.toInstant();
        } catch (ParseException e) {
            throw new TokenVerificationException("The token is malformed", e);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String sha256(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
