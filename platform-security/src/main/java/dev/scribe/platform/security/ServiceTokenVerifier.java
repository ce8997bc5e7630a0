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
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies service tokens locally: ES256 or RS256 signature against the issuer's key set (never
 * {@code none} or HMAC), {@code iss}, {@code aud} equal to this service, {@code exp} and {@code
 * nbf} with 30 seconds of clock skew, a {@code sub}, and an expiry at most 10 minutes ahead.
 */
public final class ServiceTokenVerifier {

    /**
     * Maximum remaining lifetime a service token may claim. Identity issues 5-minute tokens, so an
     * expiry further ahead means a misconfigured or forged issuer.
     */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

    private static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS =
            Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Clock clock;

    public ServiceTokenVerifier(
            JWKSource<SecurityContext> keys,
            String expectedIssuer,
            String expectedAudience,
            Clock clock) {
        this.clock = clock;
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED_ALGORITHMS, keys));

        DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier =
                new DefaultJWTClaimsVerifier<>(
                        expectedAudience,
                        new JWTClaimsSet.Builder().issuer(expectedIssuer).build(),
                        Set.of("sub", "exp")) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(ServiceTokenVerifier.this.clock.instant());
                    }
                };
        claimsVerifier.setMaxClockSkew((int) TokenVerifier.DEFAULT_CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claimsVerifier);
    }

    /** Creates a verifier over a fixed key set, for keys read from a file. */
    public static ServiceTokenVerifier forKeySet(
            JWKSet keySet, String expectedIssuer, String expectedAudience, Clock clock) {
        return new ServiceTokenVerifier(
                new ImmutableJWKSet<>(keySet.toPublicJWKSet()),
                expectedIssuer,
                expectedAudience,
                clock);
    }

    /**
     * Creates a verifier over the issuer's key set URL, cached as {@link RemoteKeySets#cached}
     * describes.
     */
    public static ServiceTokenVerifier forJwksUri(
            String jwksUri, String expectedIssuer, String expectedAudience, Clock clock) {
        return new ServiceTokenVerifier(
                RemoteKeySets.cached(jwksUri), expectedIssuer, expectedAudience, clock);
    }

    /** Verifies {@code token} and returns the caller and its scopes. */
    public ServiceClaims verify(String token) throws TokenVerificationException {
        if (token == null || token.isBlank()) {
            throw new TokenVerificationException("The service token is missing");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new TokenVerificationException("The service token is malformed", e);
        } catch (BadJOSEException e) {
            throw new TokenVerificationException(
                    "The service token was rejected: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new TokenVerificationException("The service token could not be verified", e);
        }

        Date expiry = claims.getExpirationTime();
        if (expiry == null
                || expiry.toInstant()
                        .isAfter(
                                clock.instant()
                                        .plus(MAX_LIFETIME)
                                        .plus(TokenVerifier.DEFAULT_CLOCK_SKEW))) {
            throw new TokenVerificationException(
                    "The service token has no expiry or expires later than the maximum lifetime of "
                            + MAX_LIFETIME.toSeconds()
                            + " seconds");
        }
        return new ServiceClaims(claims.getSubject(), scopesOf(claims));
    }

    /** Reads {@code scope} as a JSON array of strings or as one space-separated string. */
    private static Set<String> scopesOf(JWTClaimsSet claims) throws TokenVerificationException {
        Object value = claims.getClaim(ServiceTokens.SCOPE_CLAIM);
        if (value == null) {
            return Set.of();
        }
        if (value instanceof String text) {
            return new HashSet<>(Arrays.asList(text.trim().split(" +")));
        }
        try {
            List<String> list = claims.getStringListClaim(ServiceTokens.SCOPE_CLAIM);
            return new HashSet<>(list);
        } catch (ParseException e) {
            throw new TokenVerificationException(
                    "The service token has a malformed scope claim", e);
        }
    }
}
