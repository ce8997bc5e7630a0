package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.gateway.service.CircuitBreakers;
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
import org.springframework.beans.factory.annotation.Autowired;
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

    /** Two instances of {@code mcp-service}, which the MCP tests share. */
    static final FakeMcpInstance MCP_A = new FakeMcpInstance("mcp-a");

    static final FakeMcpInstance MCP_B = new FakeMcpInstance("mcp-b");

    /** Two instances of {@code mcp-stopped}, one of which a test stops. */
    static final FakeMcpInstance STOPPED_A = new FakeMcpInstance("stopped-a");

    static final FakeMcpInstance STOPPED_B = new FakeMcpInstance("stopped-b");

    /** Two instances of {@code mcp-removed}, one of which a test removes from discovery. */
    static final FakeMcpInstance REMOVED_A = new FakeMcpInstance("removed-a");

    static final FakeMcpInstance REMOVED_B = new FakeMcpInstance("removed-b");

    /**
     * Identity's token endpoint. It answers every token request with {@link #SERVICE_TOKEN}, except
     * those for service {@code no-credential-service}, which fail with 500 as an identity fault.
     */
    static final WireMockServer IDENTITY =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    /** The service token that the test identity issues to the gateway. */
    static final String SERVICE_TOKEN = "service-token-of-the-gateway";

    static final String CLIENT_SECRET = "gateway-test-secret-0123456789";

    /** A loopback port on which nothing listens, so connections to it are refused. */
    static final int CLOSED_PORT = findClosedPort();

    private static final Path KEY_DIR = writeKeyFiles();

    static {
        UPSTREAM.start();
        IDENTITY.start();
        IDENTITY.stubFor(
                post(urlPathEqualTo("/oauth2/token"))
                        .atPriority(5)
                        .withBasicAuth("gateway", CLIENT_SECRET)
                        .willReturn(
                                okJson(
                                        "{\"access_token\":\""
                                                + SERVICE_TOKEN
                                                + "\",\"token_type\":\"Bearer\","
                                                + "\"expires_in\":300}")));
        IDENTITY.stubFor(
                post(urlPathEqualTo("/oauth2/token"))
                        .atPriority(1)
                        .withRequestBody(containing("audience=no-credential-service"))
                        .willReturn(aResponse().withStatus(500)));
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
        addInstances(registry, "mcp-service", MCP_A, MCP_B);
        addInstances(registry, "mcp-stopped", STOPPED_A, STOPPED_B);
        addInstances(registry, "mcp-removed", REMOVED_A, REMOVED_B);
        // The write queue's H2 file and key go to a directory of this test run only.
        registry.add("platform.data-dir", () -> KEY_DIR.resolve("data").toString());
        registry.add(
                "platform.security.user-tokens.jwks-file",
                () -> KEY_DIR.resolve("user-token-issuer.jwk").toString());
        registry.add(
                "platform.security.service-token.token-uri",
                () -> "http://127.0.0.1:" + IDENTITY.port() + "/oauth2/token");
        registry.add("platform.security.service-token.client-secret", () -> CLIENT_SECRET);
        registry.add(
                "spring.cloud.discovery.client.simple.instances.no-credential-service[0].uri",
                () -> "http://127.0.0.1:" + UPSTREAM.port());
        registry.add(
                "platform.security.assertion.signing-key-file",
                () -> KEY_DIR.resolve("gateway-assertion.jwk").toString());
        // Each application context gets its own outbox, which locks its directory.
        Path dataDir = createTempDirectory("gateway-test-data");
        registry.add("platform.gateway.local-tier.data-dir", dataDir::toString);
    }

    private static Path createTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory", e);
        }
    }

    private static void addInstances(
            DynamicPropertyRegistry registry, String service, FakeMcpInstance... instances) {
        for (int index = 0; index < instances.length; index++) {
            FakeMcpInstance instance = instances[index];
            registry.add(
                    "spring.cloud.discovery.client.simple.instances."
                            + service
                            + "["
                            + index
                            + "].uri",
                    instance::uri);
        }
    }

    /** Breakers outlive a test in the shared context; each test starts with closed circuits. */
    @Autowired private CircuitBreakers circuitBreakers;

    @BeforeEach
    void resetUpstreamAndClient() {
        UPSTREAM.resetAll();
        circuitBreakers.all().forEach(CircuitBreakers.Circuit::reset);
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
