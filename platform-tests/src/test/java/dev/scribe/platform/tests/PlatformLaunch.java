package dev.scribe.platform.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scribe.cli.token.DevKeys;
import dev.scribe.platform.tests.HttpCalls.Reply;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Command-line arguments that wire the platform's processes to each other on free ports: the
 * registry, identity (which signs user and service tokens), writing-analysis instances and the
 * gateway. The end-to-end tests share them, so every test platform is wired the way {@code ./scribe
 * up} wires the real one.
 */
final class PlatformLaunch {

    static final String JWKS_PATH = "/.well-known/jwks.json";

    /** Start-up time allowed to one process on a loaded 2-core machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private static final Duration READY_POLL_INTERVAL = Duration.ofMillis(250);

    private final PlatformRunner runner;
    private final String registryUrl;
    private final String identityUrl;

    PlatformLaunch(PlatformRunner runner, int registryPort, int identityPort) {
        this.runner = runner;
        this.registryUrl = "http://127.0.0.1:" + registryPort + "/eureka/";
        this.identityUrl = "http://127.0.0.1:" + identityPort;
    }

    String registryUrl() {
        return registryUrl;
    }

    String identityUrl() {
        return identityUrl;
    }

    List<String> registryArguments(int port) {
        return List.of(
                "--server.port=" + port, "--eureka.client.service-url.defaultZone=" + registryUrl);
    }

    List<String> identityArguments(int port) {
        return List.of(
                "--server.port=" + port,
                "--platform.data-dir=" + runner.dataDir(),
                "--platform.keys-dir=" + runner.keysDir(),
                "--platform.registry-url=" + registryUrl,
                "--eureka.client.service-url.defaultZone=" + registryUrl,
                "--platform.identity.issuer=" + identityUrl,
                "--platform.identity.signing-key-file="
                        + DevKeys.userTokenIssuerFile(runner.keysDir()));
    }

    List<String> serviceArguments(int port) {
        return List.of(
                "--server.port=" + port,
                "--platform.data-dir=" + runner.dataDir(),
                "--platform.registry-url=" + registryUrl,
                "--eureka.client.service-url.defaultZone=" + registryUrl,
                "--platform.security.assertion.jwks-file="
                        + DevKeys.gatewayAssertionFile(runner.keysDir()),
                "--platform.security.service-token.issuer=" + identityUrl,
                "--platform.security.service-token.jwks-uri=" + identityUrl + JWKS_PATH);
    }

    /** Gateway arguments, followed by {@code extra} (later arguments win). */
    List<String> gatewayArguments(int port, int managementPort, String... extra) {
        List<String> arguments =
                new ArrayList<>(
                        List.of(
                                "--server.port=" + port,
                                "--management.server.port=" + managementPort,
                                "--platform.data-dir=" + runner.dataDir(),
                                "--platform.registry-url=" + registryUrl,
                                "--eureka.client.service-url.defaultZone=" + registryUrl,
                                "--platform.security.user-tokens.issuer=" + identityUrl,
                                "--platform.security.user-tokens.jwks-uri="
                                        + identityUrl
                                        + JWKS_PATH,
                                "--platform.security.service-token.token-uri="
                                        + identityUrl
                                        + "/oauth2/token",
                                "--platform.security.service-token.client-secret-file="
                                        + DevKeys.clientSecretFile(runner.keysDir(), "gateway"),
                                "--platform.security.assertion.signing-key-file="
                                        + DevKeys.gatewayAssertionFile(runner.keysDir()),
                                "--platform.gateway.mcp.authorization-server=" + identityUrl));
        arguments.addAll(List.of(extra));
        return arguments;
    }

    /** Signs a demo user in at identity with the run directory's demo password. */
    String tokenFor(HttpCalls http, String userId) throws Exception {
        ObjectNode body = HttpCalls.MAPPER.createObjectNode();
        body.put("username", userId);
        body.put("password", readFirstLine(DevKeys.demoPasswordFile(runner.keysDir())));

        Reply reply =
                http.post(
                        URI.create(identityUrl + "/api/auth/token"),
                        Map.of("Content-Type", "application/json"),
                        HttpCalls.MAPPER.writeValueAsString(body));
        assertThat(reply.status()).as("sign-in of %s", userId).isEqualTo(200);
        return reply.json().path("data").path("accessToken").asString();
    }

    private static String readFirstLine(Path file) throws IOException {
        return Files.readString(file).lines().findFirst().orElse("").strip();
    }

    /** Waits until {@code process} reports ready on {@code healthPort}, failing if it exits. */
    static void awaitReady(HttpCalls http, PlatformProcess process, int healthPort) {
        URI readiness = URI.create("http://127.0.0.1:" + healthPort + "/actuator/health/readiness");
        await(process.id() + " readiness")
                .atMost(START_TIMEOUT)
                .pollInterval(READY_POLL_INTERVAL)
                .until(
                        () -> {
                            process.assertAlive();
                            return http.statusOf(readiness) == 200;
                        });
    }
}
