package dev.scribe.identity.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.scribe.identity.config.IdentityProperties;
import dev.scribe.identity.domain.UserAccount;
import dev.scribe.platform.security.ClaimNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs user access tokens with ES256. The claims are {@code iss}, {@code aud} = {@code
 * platform-api}, {@code sub}, {@code role}, {@code inst}, {@code tv}, {@code jti}, {@code iat},
 * {@code exp} = {@code iat} + 15 minutes, and {@code courses}, the user's course memberships.
 * Tokens never carry an e-mail address or a name.
 */
@Component
public class UserTokenSigner {

    public static final String AUDIENCE = "platform-api";
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    /** A signed token and its expiry. */
    public record SignedToken(String value, Instant expiresAt) {}

    private final ECKey key;
    private final ECDSASigner signer;
    private final String issuer;
    private final Clock clock;

    public UserTokenSigner(ECKey identitySigningKey, IdentityProperties properties, Clock clock)
            throws JOSEException {
        this.key = identitySigningKey;
        this.signer = new ECDSASigner(identitySigningKey);
        this.issuer = properties.issuer();
        this.clock = clock;
    }

    public SignedToken sign(UserAccount account) {
        // Whole seconds, because JWT times are NumericDate seconds.
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiry = now.plus(LIFETIME);
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(AUDIENCE)
                        .subject(account.id())
                        .claim(ClaimNames.ROLE, account.role().name())
                        .claim(ClaimNames.INSTITUTION, account.institution())
                        .claim(ClaimNames.TOKEN_VERSION, account.tokenVersion())
                        .claim(ClaimNames.COURSES, account.courses())
                        .jwtID(UUID.randomUUID().toString())
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(expiry))
                        .build();
        JWSHeader header =
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build();

        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the user token failed", e);
        }
        return new SignedToken(jwt.serialize(), expiry);
    }
}
