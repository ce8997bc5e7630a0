package dev.scribe.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Signs ES256 JWTs that carry {@link UserClaims}. One issuer instance serves one {@code iss} and
 * one {@code aud}: user access tokens, or the gateway's user assertions.
 */
public final class TokenIssuer {

    private final ECKey signingKey;
    private final ECDSASigner signer;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Map<String, Object> extraClaims;
    private final Clock clock;

    public TokenIssuer(
            ECKey signingKey,
            String issuer,
            String audience,
            Duration lifetime,
            Map<String, Object> extraClaims,
            Clock clock) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.extraClaims = Map.copyOf(extraClaims);
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.signer = new ECDSASigner(signingKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The signing key cannot sign ES256", e);
        }
    }

    /**
     * Creates an issuer of the gateway's user assertions: {@code iss=gateway}, {@code
     * aud=internal}.
     */
    public static TokenIssuer userAssertions(ECKey signingKey, Clock clock) {
        return new TokenIssuer(
                signingKey,
                UserAssertions.ISSUER,
                UserAssertions.AUDIENCE,
                UserAssertions.LIFETIME,
                Map.of(ClaimNames.ACTOR, Map.of("sub", UserAssertions.ISSUER)),
                clock);
    }

    /** Signs a token for {@code claims} that expires after this issuer's lifetime. */
    public String issue(UserClaims claims) {
        return issue(claims, lifetime);
    }

    /**
     * Signs a token for {@code claims} with an explicit lifetime (negative values make it expired).
     */
    public String issue(UserClaims claims, Duration tokenLifetime) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder =
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(audience)
                        .subject(claims.subject())
                        .claim(ClaimNames.ROLE, claims.role().name())
                        .claim(ClaimNames.INSTITUTION, claims.institution())
                        .claim(ClaimNames.COURSES, claims.courses())
                        .claim(ClaimNames.TOKEN_VERSION, claims.tokenVersion())
                        .jwtID(UUID.randomUUID().toString())
                        .issueTime(Date.from(now))
                        .notBeforeTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(tokenLifetime)));
        extraClaims.forEach(builder::claim);

        JWSHeader header =
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(signingKey.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build();
        SignedJWT jwt = new SignedJWT(header, builder.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the token failed", e);
        }
        return jwt.serialize();
    }
}
