package dev.scribe.gateway.queue;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.gateway.GatewayApplication;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.TokenVerifier;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starts the real gateway application with the {@code queuetest} profile on random ports, in front
 * of a {@link CountingDownstream}, with a data directory that survives a restart of the context.
 */
final class QueueGateway implements AutoCloseable {

    /**
     * Identity's token endpoint, shared by every queue gateway of the test JVM: it issues the
     * gateway's service token, which the counting downstream does not check.
     */
    private static final WireMockServer IDENTITY = startIdentity();

    static final String SERVICE_TOKEN = "queue-test-service-token";

    private static WireMockServer startIdentity() {
        WireMockServer identity =
                new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        identity.start();
        identity.stubFor(
                post(urlPathEqualTo("/oauth2/token"))
                        .willReturn(
                                okJson(
                                        "{\"access_token\":\""
                                                + SERVICE_TOKEN
                                                + "\","
                                                + "\"token_type\":\"Bearer\",\"expires_in\":300}")));
        return identity;
    }

    static final ECKey USER_TOKEN_KEY = SigningKeys.generate("queue-test-user-issuer");
    static final ECKey ASSERTION_KEY = SigningKeys.generate("queue-test-assertion");

    private final Path dataDir;
    private final Path keyDir;
    private final int downstreamPort;
    private final int closedPort;
    private ConfigurableApplicationContext context;

    QueueGateway(Path dataDir, int downstreamPort) {
        this.dataDir = dataDir;
        this.downstreamPort = downstreamPort;
        this.closedPort = freePort();
        this.keyDir = writeKeyFiles();
    }

    /** Test-only beans of the restartable gateway. */
    static class QueueTestConfiguration {

        /**
         * Own Netty event loops and connection pools. With the default global resources, closing
         * this context would dispose the loops that every other gateway context in the test JVM
         * uses.
         */
        @Bean
        ReactorResourceFactory reactorResourceFactory() {
            ReactorResourceFactory factory = new ReactorResourceFactory();
            factory.setUseGlobalResources(false);
            return factory;
        }
    }

    void start() {
        start(List.of("queuetest"), List.of());
    }

    /** Starts the gateway with the given profiles and extra arguments. */
    void start(List<String> profiles, List<String> extraArguments) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--platform.data-dir=" + dataDir);
        arguments.add(instanceArgument("queue-service", downstreamPort));
        arguments.add(instanceArgument("circuit-service", downstreamPort));
        arguments.add(instanceArgument("refusing-service", closedPort));
        arguments.add(
                "--platform.security.user-tokens.jwks-file="
                        + keyDir.resolve("user-token-issuer.jwk"));
        arguments.add(
                "--platform.security.assertion.signing-key-file="
                        + keyDir.resolve("gateway-assertion.jwk"));
        arguments.add(
                "--platform.security.service-token.token-uri=http://127.0.0.1:"
                        + IDENTITY.port()
                        + "/oauth2/token");
        arguments.add(
                "--platform.security.service-token.client-secret=queue-test-secret-0123456789");
        // The test profiles are not the embedded one, so the local tier's outbox needs a key.
        arguments.add(
                "--platform.gateway.local-tier.outbox-key="
                        + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        arguments.addAll(extraArguments);

        context =
                new SpringApplicationBuilder(GatewayApplication.class, QueueTestConfiguration.class)
                        .profiles(profiles.toArray(String[]::new))
                        .run(arguments.toArray(String[]::new));
    }

    private static String instanceArgument(String service, int port) {
        return "--spring.cloud.discovery.client.simple.instances."
                + service
                + "[0].uri=http://127.0.0.1:"
                + port;
    }

    void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    WebTestClient publicClient() {
        return client(context.getEnvironment().getProperty("local.server.port"));
    }

    WebTestClient managementClient() {
        return client(context.getEnvironment().getProperty("local.management.port"));
    }

    private static WebTestClient client(String port) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    static String tokenFor(String subject, Role role) {
        UserClaims claims = new UserClaims(subject, role, "inst-test", List.of("course-1"), 1);
        return new TokenIssuer(
                        USER_TOKEN_KEY,
                        "scribe-dev-issuer",
                        "platform-api",
                        Duration.ofMinutes(15),
                        Map.of(),
                        Clock.systemUTC())
                .issue(claims);
    }

    static TokenVerifier assertionVerifier() {
        return TokenVerifier.userAssertions(
                SigningKeys.publicSet(ASSERTION_KEY), Clock.systemUTC());
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeKeyFiles() {
        try {
            Path directory = Files.createTempDirectory("queue-test-keys");
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
}
