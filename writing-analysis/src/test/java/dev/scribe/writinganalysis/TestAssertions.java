package dev.scribe.writinganalysis;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.scribe.platform.security.ClaimNames;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.ServiceTokens;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.security.UserClaims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints user assertions and service tokens for tests, signed with test keys whose public key sets
 * are written to temporary JWK files that the service under test loads: the gateway's assertion key
 * and identity's token key.
 */
public final class TestAssertions {

    /** The {@code iss} of the test service tokens, as identity would set it. */
    public static final String SERVICE_TOKEN_ISSUER = "http://127.0.0.1:8090";

    /** The client id of the test service tokens. */
    public static final String SERVICE_CLIENT = "gateway";

    private static final TestAssertions SHARED = create();

    private final ECKey signingKey;
    private final Path jwksFile;
    private final TokenIssuer issuer;
    private final ECKey identityKey;
    private final Path identityJwksFile;

    private TestAssertions(
            ECKey signingKey, Path jwksFile, ECKey identityKey, Path identityJwksFile) {
        this.signingKey = signingKey;
        this.jwksFile = jwksFile;
        this.issuer = TokenIssuer.userAssertions(signingKey, Clock.systemUTC());
        this.identityKey = identityKey;
        this.identityJwksFile = identityJwksFile;
    }

    /** Returns the key pair shared by every test of this JVM. */
    public static TestAssertions shared() {
        return SHARED;
    }

    private static TestAssertions create() {
        ECKey key = SigningKeys.generate("gateway-assertion-test");
        ECKey identityKey = SigningKeys.generate("identity-test");
        try {
            Path directory = Files.createTempDirectory("wa-test-keys");
            Path file = directory.resolve("gateway-assertion.jwk");
            Files.writeString(file, SigningKeys.publicSet(key).toString());
            Path identityFile = directory.resolve("identity.jwk");
            Files.writeString(identityFile, SigningKeys.publicSet(identityKey).toString());
            return new TestAssertions(key, file, identityKey, identityFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test key set", e);
        }
    }

    public Path jwksFile() {
        return jwksFile;
    }

    /** Returns the file with identity's public test key, which verifies service tokens. */
    public Path identityJwksFile() {
        return identityJwksFile;
    }

    /**
     * Signs a 5-minute service token for audience {@code writing-analysis} with the given scopes,
     * as identity issues to the gateway.
     */
    public String serviceToken(String... scopes) {
        return serviceToken("writing-analysis", Duration.ofMinutes(5), identityKey, scopes);
    }

    /** Signs a service token with free audience, lifetime (negative: expired) and key. */
    public String serviceToken(String audience, Duration lifetime, ECKey key, String... scopes) {
        Instant now = Instant.now();
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(SERVICE_TOKEN_ISSUER)
                        .audience(audience)
                        .subject(SERVICE_CLIENT)
                        .claim(ServiceTokens.SCOPE_CLAIM, List.of(scopes))
                        .jwtID(UUID.randomUUID().toString())
                        .issueTime(Date.from(now))
                        .notBeforeTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(lifetime)))
                        .build();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                        claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the test service token failed", e);
        }
        return jwt.serialize();
    }

    /** Returns identity's test signing key, for tests that vary one claim of a service token. */
    public ECKey identityKey() {
        return identityKey;
    }

    /** Signs a valid assertion for {@code claims}. */
    public String assertionFor(UserClaims claims) {
        return issuer.issue(claims);
    }

    /** Signs an assertion that expired {@code ago} before now. */
    public String expiredAssertionFor(UserClaims claims, Duration ago) {
        return issuer.issue(claims, ago.negated());
    }

    /** Signs an assertion with a key that the service does not know, under the same key id. */
    public String forgedAssertionFor(UserClaims claims) {
        ECKey stranger = SigningKeys.generate(signingKey.getKeyID());
        return TokenIssuer.userAssertions(stranger, Clock.systemUTC()).issue(claims);
    }

    /** Signs an assertion with the right key but for another audience than {@code internal}. */
    public String assertionWithAudience(UserClaims claims, String audience) {
        return new TokenIssuer(
                        signingKey,
                        UserAssertions.ISSUER,
                        audience,
                        UserAssertions.LIFETIME,
                        Map.of(),
                        Clock.systemUTC())
                .issue(claims);
    }

    /** Signs an assertion with the right key but from another issuer than {@code gateway}. */
    public String assertionWithIssuer(UserClaims claims, String issuer) {
        return new TokenIssuer(
                        signingKey,
                        issuer,
                        UserAssertions.AUDIENCE,
                        UserAssertions.LIFETIME,
                        Map.of(),
                        Clock.systemUTC())
                .issue(claims);
    }

    /**
     * Returns an unsigned assertion ({@code alg: none}) with otherwise valid claims, the classic
     * attempt to skip signature checking.
     */
    public String unsignedAssertionFor(UserClaims claims) {
        return new PlainJWT(validClaimsOf(claims)).serialize();
    }

    /**
     * Signs an assertion with HS256 and the service's public key set as the shared secret, the
     * algorithm-confusion attack on verifiers that trust the header's {@code alg}.
     */
    public String hmacWithPublicKeyAssertionFor(UserClaims claims) {
        byte[] secret =
                SigningKeys.publicSet(signingKey).toString().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.HS256)
                                .keyID(signingKey.getKeyID())
                                .type(JOSEObjectType.JWT)
                                .build(),
                        validClaimsOf(claims));
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing the HS256 test token failed", e);
        }
        return jwt.serialize();
    }

    private static JWTClaimsSet validClaimsOf(UserClaims claims) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(UserAssertions.ISSUER)
                .audience(UserAssertions.AUDIENCE)
                .subject(claims.subject())
                .claim(ClaimNames.ROLE, claims.role().name())
                .claim(ClaimNames.INSTITUTION, claims.institution())
                .claim(ClaimNames.COURSES, claims.courses())
                .claim(ClaimNames.TOKEN_VERSION, claims.tokenVersion())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(UserAssertions.LIFETIME)))
                .build();
    }

    /**
     * Returns the claims of the demo student {@code student-demo} of course {@code
     * course-demo-101}.
     */
    public static UserClaims demoStudent() {
        return student("student-demo");
    }

    public static UserClaims student(String id) {
        return new UserClaims(id, Role.STUDENT, "inst-demo", List.of("course-demo-101"), 1);
    }

    public static UserClaims demoEducator() {
        return new UserClaims(
                "educator-demo", Role.EDUCATOR, "inst-demo", List.of("course-demo-101"), 1);
    }

    public static UserClaims demoAdministrator() {
        return new UserClaims("admin-demo", Role.ADMINISTRATOR, "inst-demo", List.of(), 1);
    }

    public static UserClaims demoResearcher() {
        return new UserClaims("researcher-demo", Role.RESEARCHER, "inst-demo", List.of(), 1);
    }
}
