package dev.scribe.cli.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.scribe.cli.ScribeCli;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenVerifier;
import dev.scribe.platform.security.UserClaims;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir Path keys;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ScribeCli cli;

    @BeforeEach
    void createKeys() {
        cli =
                new ScribeCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        CLOCK,
                        Map.of());
        assertThat(cli.run("keys", "--dir", keys.toString())).isZero();
        out.reset();
    }

    private String token(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "token";
        args[1] = "--keys";
        args[2] = keys.toString();
        System.arraycopy(options, 0, args, 3, options.length);

        int status = cli.run(args);

        assertThat(status).as("exit status, stderr: %s", err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private UserClaims verifyUserToken(String token) throws Exception {
        TokenVerifier verifier =
                TokenVerifier.forKeySet(
                        SigningKeys.readPublicSet(DevKeys.userTokenIssuerFile(keys)),
                        "scribe-dev-issuer",
                        "platform-api",
                        CLOCK);
        return verifier.verify(token);
    }

    @Test
    void printsOnlyTheToken() {
        String output = token();

        assertThat(output).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\R");
    }

    @Test
    void defaultUserIsStudentDemo() throws Exception {
        UserClaims claims = verifyUserToken(token().strip());

        assertThat(claims.subject()).isEqualTo("student-demo");
        assertThat(claims.role()).isEqualTo(Role.STUDENT);
        assertThat(claims.institution()).isEqualTo("inst-demo");
        assertThat(claims.courses()).containsExactly("course-demo-101");
        assertThat(claims.tokenVersion()).isEqualTo(1);
    }

    @Test
    void tokenLivesFifteenMinutes() throws Exception {
        SignedJWT jwt = SignedJWT.parse(token().strip());

        assertThat(jwt.getHeader().getKeyID()).isEqualTo("dev-user-issuer-1");
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(jwt.getJWTClaimsSet().getNotBeforeTime().toInstant()).isEqualTo(NOW);
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                .isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(jwt.getJWTClaimsSet().getJWTID()).isNotBlank();
    }

    @Test
    void roleSelectsItsDemoUser() throws Exception {
        Map<String, UserClaims> expected =
                Map.of(
                        "student",
                        new UserClaims(
                                "student-demo",
                                Role.STUDENT,
                                "inst-demo",
                                List.of("course-demo-101"),
                                1),
                        "educator",
                        new UserClaims(
                                "educator-demo",
                                Role.EDUCATOR,
                                "inst-demo",
                                List.of("course-demo-101"),
                                1),
                        "administrator",
                        new UserClaims("admin-demo", Role.ADMINISTRATOR, "inst-demo", List.of(), 1),
                        "RESEARCHER",
                        new UserClaims(
                                "researcher-demo", Role.RESEARCHER, "inst-demo", List.of(), 1));

        for (Map.Entry<String, UserClaims> entry : expected.entrySet()) {
            out.reset();

            UserClaims claims = verifyUserToken(token("--role", entry.getKey()).strip());

            assertThat(claims).as(entry.getKey()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void userSelectsByIdIncludingNumberedStudents() throws Exception {
        for (int i = 2; i <= 6; i++) {
            out.reset();

            UserClaims claims = verifyUserToken(token("--user", "student-demo-" + i).strip());

            assertThat(claims.subject()).isEqualTo("student-demo-" + i);
            assertThat(claims.role()).isEqualTo(Role.STUDENT);
            assertThat(claims.courses()).containsExactly("course-demo-101");
        }
    }

    @Test
    void unknownUserExitsWithTwo() {
        int status = cli.run("token", "--keys", keys.toString(), "--user", "student-demo-7");

        assertThat(status).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Unknown demo user")
                .contains("educator-demo");
    }

    @Test
    void unknownRoleExitsWithTwo() {
        int status = cli.run("token", "--keys", keys.toString(), "--role", "system");

        assertThat(status).isEqualTo(2);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Unknown role 'system'")
                .contains("student, educator, administrator, researcher");
    }

    @Test
    void roleAndUserTogetherAreRejected() {
        int status =
                cli.run(
                        "token",
                        "--keys",
                        keys.toString(),
                        "--role",
                        "student",
                        "--user",
                        "admin-demo");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("either --role or --user");
    }

    @Test
    void missingKeyFileNamesTheFix() throws Exception {
        Files.delete(DevKeys.userTokenIssuerFile(keys));

        int status = cli.run("token", "--keys", keys.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("user-token-issuer.jwk not found")
                .contains("scribe-cli keys --dir");
    }

    @Test
    void assertionIsSignedWithGatewayKey() throws Exception {
        String assertion = token("--assertion", "--role", "educator").strip();

        TokenVerifier verifier =
                TokenVerifier.userAssertions(
                        SigningKeys.readPublicSet(DevKeys.gatewayAssertionFile(keys)), CLOCK);
        UserClaims claims = verifier.verify(assertion);
        SignedJWT jwt = SignedJWT.parse(assertion);

        assertThat(claims.subject()).isEqualTo("educator-demo");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("gateway-assertion-1");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                .isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void identityAndKeysTogetherAreRejected() {
        int status =
                cli.run(
                        "token",
                        "--keys",
                        keys.toString(),
                        "--identity",
                        "http://127.0.0.1:9",
                        "--password-file",
                        keys.resolve("demo-password").toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("either --identity or --keys");
    }

    @Test
    void identityWithoutPasswordFileIsRejected() {
        int status = cli.run("token", "--identity", "http://127.0.0.1:9");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--password-file");
    }

    @Test
    void unreachableIdentityExitsWithOne() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        int status =
                cli.run(
                        "token",
                        "--identity",
                        "http://127.0.0.1:" + closedPort,
                        "--password-file",
                        keys.resolve("demo-password").toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Cannot reach identity")
                .contains("./scribe up");
    }

    @Test
    void serviceWithUserIsRejected() {
        int status =
                cli.run(
                        "token",
                        "--identity",
                        "http://127.0.0.1:9",
                        "--client-secret-file",
                        keys.resolve("client-gateway.secret").toString(),
                        "--service",
                        "--user",
                        "admin-demo");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--service takes no --role");
    }
}
