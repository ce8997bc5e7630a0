package dev.scribe.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Verifies JWTs locally: signature against a key set, algorithm in the allow-list (ES256 and RS256
 * only, never {@code none} or HMAC), {@code iss}, {@code aud}, {@code exp} and {@code nbf} with a
 * clock skew, and the presence of the identity claims.
 */
public final class TokenVerifier {

    /** Tolerated difference between the issuer's clock and ours. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

    /**
     * Maximum remaining lifetime a token may claim. User access tokens live 15 minutes, so an
     * expiry further ahead than this means a misconfigured or forged issuer.
     */
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(1);

    private static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS =
            Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Duration clockSkew;
    private final Duration maxLifetime;
    private final Clock clock;

    public TokenVerifier(
            JWKSource<SecurityContext> keys,
            String expectedIssuer,
            String expectedAudience,
            Duration clockSkew,
            Clock clock) {
        this(keys, expectedIssuer, expectedAudience, clockSkew, DEFAULT_MAX_LIFETIME, clock);
    }

    public TokenVerifier(
            JWKSource<SecurityContext> keys,
            String expectedIssuer,
            String expectedAudience,
            Duration clockSkew,
            Duration maxLifetime,
            Clock clock) {
        this.clockSkew = clockSkew;
        this.maxLifetime = maxLifetime;
        this.clock = clock;

        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED_ALGORITHMS, keys));

        ClockedClaimsVerifier claimsVerifier =
                new ClockedClaimsVerifier(
                        expectedAudience,
                        new JWTClaimsSet.Builder().issuer(expectedIssuer).build(),
                        Set.of(
                                "sub",
                                "exp",
                                ClaimNames.ROLE,
                                ClaimNames.INSTITUTION,
                                ClaimNames.TOKEN_VERSION),
                        clock);
        claimsVerifier.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claimsVerifier);
    }

    /** A verifier over a fixed key set, for keys read from files. */
    public static TokenVerifier forKeySet(
            JWKSet keySet, String expectedIssuer, String expectedAudience, Clock clock) {
        return new TokenVerifier(
                new ImmutableJWKSet<>(keySet.toPublicJWKSet()),
                expectedIssuer,
                expectedAudience,
                DEFAULT_CLOCK_SKEW,
                clock);
    }

    /**
     * A verifier over a remote key set: cached for at most 10 minutes and fetched again on an
     * unknown key id, at most once per 30 seconds.
     */
    public static TokenVerifier forJwksUri(
            String jwksUri, String expectedIssuer, String expectedAudience, Clock clock) {
        return new TokenVerifier(
                RemoteKeySets.cached(jwksUri),
                expectedIssuer,
                expectedAudience,
                DEFAULT_CLOCK_SKEW,
                clock);
    }

    /**
     * Creates a verifier of the gateway's user assertions over the gateway's key set. An assertion
     * may claim at most its 120-second lifetime.
     */
    public static TokenVerifier userAssertions(JWKSet gatewayKeys, Clock clock) {
        return new TokenVerifier(
                new ImmutableJWKSet<>(gatewayKeys.toPublicJWKSet()),
                UserAssertions.ISSUER,
                UserAssertions.AUDIENCE,
                DEFAULT_CLOCK_SKEW,
                UserAssertions.LIFETIME,
                clock);
    }

    /** Verifies {@code token} and returns its identity claims. */
    public UserClaims verify(String token) throws TokenVerificationException {
        if (token == null || token.isBlank()) {
            throw new TokenVerificationException("The token is missing");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new TokenVerificationException("The token is malformed", e);
        } catch (BadJOSEException e) {
            throw new TokenVerificationException("The token was rejected: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new TokenVerificationException("The token could not be verified", e);
        }
        checkExpiry(claims);
        return toUserClaims(claims);
    }

    /**
     * Rejects a token whose {@code exp} is null or further ahead than the maximum lifetime. The
     * claims verifier only checks that an {@code exp} key exists and skips a null value.
     */
    private void checkExpiry(JWTClaimsSet claims) throws TokenVerificationException {
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new TokenVerificationException("The token has no expiry time");
        }
        if (expiry.toInstant().isAfter(clock.instant().plus(maxLifetime).plus(clockSkew))) {
            throw new TokenVerificationException(
                    "The token expires later than the maximum lifetime of "
                            + maxLifetime.toSeconds()
                            + " seconds");
        }
    }

    private static UserClaims toUserClaims(JWTClaimsSet claims) throws TokenVerificationException {
        try {
            Role role = Role.fromClaim(claims.getStringClaim(ClaimNames.ROLE));
            List<String> courses = claims.getStringListClaim(ClaimNames.COURSES);
            Long tokenVersion = claims.getLongClaim(ClaimNames.TOKEN_VERSION);
            String institution = claims.getStringClaim(ClaimNames.INSTITUTION);
            if (claims.getSubject() == null || institution == null || tokenVersion == null) {
                throw new TokenVerificationException("The token lacks identity claims");
            }
            return new UserClaims(claims.getSubject(), role, institution, courses, tokenVersion);
        } catch (ParseException | IllegalArgumentException e) {
            throw new TokenVerificationException("The token has malformed identity claims", e);
        }
    }

    /** Claims verifier whose notion of "now" comes from an injected clock. */
    private static final class ClockedClaimsVerifier
            extends DefaultJWTClaimsVerifier<SecurityContext> {

        private final Clock clock;

        ClockedClaimsVerifier(
                String audience, JWTClaimsSet exactMatch, Set<String> required, Clock clock) {
            super(audience, exactMatch, required);
            this.clock = clock;
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }
    }
}
