package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.UserClaims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the real gateway on a random port in front of a WireMock upstream. All test classes share
 * one application context, one WireMock server and one set of keys.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class GatewayTestSupport {

    static final String ISSUER = "scribe-dev-issuer";
    static final String AUDIENCE = "platform-api";

    static final UserClaims STUDENT =
            new UserClaims(
                    "student-demo", Role.STUDENT, "inst-demo", List.of("course-demo-101"), 1);

    static final ECKey USER_TOKEN_KEY = SigningKeys.generate("dev-user-issuer-1");
    static final ECKey ASSERTION_KEY = SigningKeys.generate("gateway-assertion-1");
    static final ECKey FOREIGN_KEY = SigningKeys.generate("dev-user-issuer-1");

    static final WireMockServer UPSTREAM =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    /** A loopback port on which nothing listens, so connections to it are refused. */
    static final int CLOSED_PORT = findClosedPort();

    private static final Path KEY_DIR = writeKeyFiles();

    static {
        UPSTREAM.start();
    }

    @LocalServerPort protected int port;

    protected WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add(
                "spring.cloud.discovery.client.simple.instances.writing-analysis[0].uri",
                () -> "http://127.0.0.1:" + UPSTREAM.port());
        registry.add(
                "spring.cloud.discovery.client.simple.instances.refused-service[0].uri",
                () -> "http://127.0.0.1:" + CLOSED_PORT);
        // One instance is down (nothing listens on its port) and one is WireMock.
        registry.add(
                "spring.cloud.discovery.client.simple.instances.failover-service[0].uri",
                () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add(
                "spring.cloud.discovery.client.simple.instances.failover-service[1].uri",
                () -> "http://127.0.0.1:" + UPSTREAM.port());
        // The write queue's H2 file and key go to a directory of this test run only.
        registry.add("platform.data-dir", () -> KEY_DIR.resolve("data").toString());
        registry.add(
                "platform.security.user-tokens.jwks-file",
                () -> KEY_DIR.resolve("user-token-issuer.jwk").toString());
        registry.add(
                "platform.security.assertion.signing-key-file",
                () -> KEY_DIR.resolve("gateway-assertion.jwk").toString());
    }

    @BeforeEach
    void resetUpstreamAndClient() {
        UPSTREAM.resetAll();
        client =
                WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + port)
                        .responseTimeout(Duration.ofSeconds(20))
                        .build();
    }

    /** Returns a valid access token for {@code claims}, signed with the configured issuer key. */
    static String tokenFor(UserClaims claims) {
        return issuer(USER_TOKEN_KEY, ISSUER, AUDIENCE).issue(claims);
    }

    static TokenIssuer issuer(ECKey key, String issuer, String audience) {
        return new TokenIssuer(
                key, issuer, audience, Duration.ofMinutes(15), Map.of(), Clock.systemUTC());
    }

    private static Path writeKeyFiles() {
        try {
            Path directory = Files.createTempDirectory("gateway-test-keys");
            Files.writeString(
                    directory.resolve("user-token-issuer.jwk"),
                    USER_TOKEN_KEY.toJSONString(),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    directory.resolve("gateway-assertion.jwk"),
                    ASSERTION_KEY.toJSONString(),
                    StandardCharsets.UTF_8);
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int findClosedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
