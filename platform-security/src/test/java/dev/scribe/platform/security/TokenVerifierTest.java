package dev.scribe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2025-03-01T09:15:02.117Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final UserClaims STUDENT =
            new UserClaims("student-42", Role.STUDENT, "inst-1", List.of("course-1"), 3);

    private final ECKey key = SigningKeys.generate("test-key-1");
    private final TokenIssuer issuer =
            new TokenIssuer(
                    key, "test-issuer", "platform-api", Duration.ofMinutes(15), Map.of(), CLOCK);
    private final TokenVerifier verifier =
            TokenVerifier.forKeySet(
                    SigningKeys.publicSet(key), "test-issuer", "platform-api", CLOCK);

    @Test
    void issuedTokenVerifiesWithItsClaims() throws Exception {
        UserClaims claims = verifier.verify(issuer.issue(STUDENT));

        assertThat(claims).isEqualTo(STUDENT);
    }

    @Test
    void expiredTokenRejectedBeyondSkew() {
        String token = issuer.issue(STUDENT, Duration.ofSeconds(-31));

        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void expiredTokenAcceptedWithinSkew() throws Exception {
        String token = issuer.issue(STUDENT, Duration.ofSeconds(-20));

        assertThat(verifier.verify(token).subject()).isEqualTo("student-42");
    }

    @Test
    void tokenOfUnknownKeyRejected() {
        ECKey otherKey = SigningKeys.generate("test-key-1");
        TokenIssuer forger =
                new TokenIssuer(
                        otherKey,
                        "test-issuer",
                        "platform-api",
                        Duration.ofMinutes(5),
                        Map.of(),
                        CLOCK);

        assertThatThrownBy(() -> verifier.verify(forger.issue(STUDENT)))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void wrongAudienceRejected() {
        TokenIssuer other =
                new TokenIssuer(
                        key, "test-issuer", "internal", Duration.ofMinutes(5), Map.of(), CLOCK);

        assertThatThrownBy(() -> verifier.verify(other.issue(STUDENT)))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void wrongIssuerRejected() {
        TokenIssuer other =
                new TokenIssuer(
                        key,
                        "someone-else",
                        "platform-api",
                        Duration.ofMinutes(5),
                        Map.of(),
                        CLOCK);

        assertThatThrownBy(() -> verifier.verify(other.issue(STUDENT)))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void unsignedTokenRejected() {
        String unsigned = new PlainJWT(claimsOf("student-42")).serialize();

        assertThatThrownBy(() -> verifier.verify(unsigned))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void hmacTokenRejected() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claimsOf("student-42"));
        jwt.sign(
                new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> verifier.verify(jwt.serialize()))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void tamperedPayloadRejected() {
        String[] parts = issuer.issue(STUDENT).split("\\.");
        String forgedPayload =
                Base64URL.encode(claimsOf("admin-1").toString().getBytes(StandardCharsets.UTF_8))
                        .toString();

        assertThatThrownBy(() -> verifier.verify(parts[0] + "." + forgedPayload + "." + parts[2]))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void missingAndMalformedTokensRejected() {
        assertThatThrownBy(() -> verifier.verify(null))
                .isInstanceOf(TokenVerificationException.class)
                .hasMessage("The token is missing");
        assertThatThrownBy(() -> verifier.verify("not-a-jwt"))
                .isInstanceOf(TokenVerificationException.class);
    }

    @Test
    void userAssertionCarriesActorAndShortLifetime() throws Exception {
        TokenIssuer assertions = TokenIssuer.userAssertions(key, CLOCK);

        String token = assertions.issue(STUDENT);

        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(UserAssertions.ISSUER);
        assertThat(claims.getAudience()).containsExactly(UserAssertions.AUDIENCE);
        assertThat(claims.getJSONObjectClaim(ClaimNames.ACTOR)).containsEntry("sub", "gateway");
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(NOW.plusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(TokenVerifier.userAssertions(SigningKeys.publicSet(key), CLOCK).verify(token))
                .isEqualTo(STUDENT);
    }

    @Test
    void keyFileCreatedOnceAndReadBack(@TempDir Path dir) {
        Path file = dir.resolve("keys/issuer.jwk");

        ECKey created = SigningKeys.loadOrCreate(file, "kid-1");
        ECKey loaded = SigningKeys.loadOrCreate(file, "kid-2");

        assertThat(loaded.getKeyID()).isEqualTo("kid-1");
        assertThat(loaded.toJSONString()).isEqualTo(created.toJSONString());
        assertThat(SigningKeys.readPublicSet(file).getKeys())
                .singleElement()
                .satisfies(jwk -> assertThat(jwk.isPrivate()).isFalse());
    }

    @Test
    void keyFileWithoutPrivateKeyRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("public.jwk");
        Files.writeString(file, key.toPublicJWK().toJSONString());

        assertThatThrownBy(() -> SigningKeys.readPrivate(file))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JWTClaimsSet claimsOf(String subject) {
        return new JWTClaimsSet.Builder()
                .issuer("test-issuer")
                .audience("platform-api")
                .subject(subject)
                .claim(ClaimNames.ROLE, "ADMINISTRATOR")
                .claim(ClaimNames.INSTITUTION, "inst-1")
                .claim(ClaimNames.TOKEN_VERSION, 1)
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .build();
    }
}
