package dev.scribe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:15:02Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUER = "http://127.0.0.1:8090";

    private final ECKey key = SigningKeys.generate("identity-test-1");
    private final ServiceTokenVerifier verifier =
            ServiceTokenVerifier.forKeySet(
                    SigningKeys.publicSet(key), ISSUER, "writing-analysis", CLOCK);

    @Test
    void validTokenGivesSubjectAndScopes() throws Exception {
        ServiceClaims claims =
                verifier.verify(sign(key, claims("writing-analysis", Duration.ofMinutes(5))));

        assertThat(claims.subject()).isEqualTo("gateway");
        assertThat(claims.scopes()).containsExactlyInAnyOrder("mcp:invoke", "api:invoke");
        assertThat(claims.hasScope("mcp:invoke")).isTrue();
    }

    @Test
    void spaceSeparatedScopeIsRead() throws Exception {
        JWTClaimsSet set =
                new JWTClaimsSet.Builder(claims("writing-analysis", Duration.ofMinutes(5)))
                        .claim("scope", "api:invoke mcp:invoke")
                        .build();

        assertThat(verifier.verify(sign(key, set)).scopes())
                .containsExactlyInAnyOrder("mcp:invoke", "api:invoke");
    }

    @Test
    void wrongAudienceRejected() {
        String token = sign(key, claims("gateway", Duration.ofMinutes(5)));

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void expiredTokenRejected() {
        String token = sign(key, claims("writing-analysis", Duration.ofSeconds(-31)));

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void tooLongLifetimeRejected() {
        String token = sign(key, claims("writing-analysis", Duration.ofHours(2)));

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenVerificationException.class)
                .hasMessageContaining("maximum lifetime");
    }

    @Test
    void foreignKeyRejected() {
        ECKey stranger = SigningKeys.generate(key.getKeyID());
        String token = sign(stranger, claims("writing-analysis", Duration.ofMinutes(5)));

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void unsignedAndHmacTokensRejected() throws Exception {
        JWTClaimsSet set = claims("writing-analysis", Duration.ofMinutes(5));
        String unsigned = new PlainJWT(set).serialize();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), set);
        hmac.sign(new MACSigner(new byte[32]));

        assertThatThrownBy(() -> verifier.verify(unsigned))
                .isInstanceOf(TokenVerificationException.class);
        assertThatThrownBy(() -> verifier.verify(hmac.serialize()))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void missingTokenRejected() {
        assertThatThrownBy(() -> verifier.verify(" "))
                .isInstanceOf(TokenVerificationException.class)
                .hasMessageContaining("missing");
    }

    private static JWTClaimsSet claims(String audience, Duration lifetime) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject("gateway")
                .claim("scope", List.of("mcp:invoke", "api:invoke"))
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(lifetime)))
                .build();
    }

    private static String sign(ECKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt =
                    new SignedJWT(
                            new JWSHeader.Builder(JWSAlgorithm.ES256)
                                    .keyID(signingKey.getKeyID())
                                    .build(),
                            claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
