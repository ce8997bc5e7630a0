package dev.scribe.writinganalysis;

import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.UserClaims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Mints user assertions for tests, signed with a test key whose public key set is written to a
 * temporary JWK file that the service under test loads.
 */
public final class TestAssertions {

    private static final TestAssertions SHARED = create();

    private final ECKey signingKey;
    private final Path jwksFile;
    private final TokenIssuer issuer;

    private TestAssertions(ECKey signingKey, Path jwksFile) {
        this.signingKey = signingKey;
        this.jwksFile = jwksFile;
        this.issuer = TokenIssuer.userAssertions(signingKey, Clock.systemUTC());
    }

    /** Returns the key pair shared by every test of this JVM. */
    public static TestAssertions shared() {
        return SHARED;
    }

    private static TestAssertions create() {
        ECKey key = SigningKeys.generate("gateway-assertion-test");
        try {
            Path directory = Files.createTempDirectory("wa-test-keys");
            Path file = directory.resolve("gateway-assertion.jwk");
            Files.writeString(file, SigningKeys.publicSet(key).toString());
            return new TestAssertions(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test key set", e);
        }
    }

    public Path jwksFile() {
        return jwksFile;
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
