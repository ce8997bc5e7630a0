package dev.scribe.writinganalysis;

import dev.scribe.platform.security.ServiceTokens;
import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.CorrelationIds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the HTTP tests: the whole service on a random loopback port, a real H2 file database in a
 * temporary directory, the test key set, and a plain JDK HTTP client.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "spring.cloud.discovery.enabled=false"})
public abstract class ServiceTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Path DATA_DIR = createDataDir();

    @LocalServerPort protected int port;

    @DynamicPropertySource
    static void serviceProperties(DynamicPropertyRegistry registry) {
        registry.add(
                "platform.security.assertion.jwks-file",
                () -> TestAssertions.shared().jwksFile().toString());
        registry.add(
                "platform.security.service-token.jwks-file",
                () -> TestAssertions.shared().identityJwksFile().toString());
        registry.add(
                "platform.security.service-token.issuer",
                () -> TestAssertions.SERVICE_TOKEN_ISSUER);
        registry.add("platform.data-dir", DATA_DIR::toString);
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("wa-test-data");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the test data directory", e);
        }
    }

    protected URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /**
     * Returns a request builder for {@code path} that carries the gateway's service token, as every
     * request that reaches the service through the gateway does, but no user assertion.
     */
    protected HttpRequest.Builder request(String pathAndQuery) {
        return withServiceToken(HttpRequest.newBuilder(uri(pathAndQuery)))
                .timeout(Duration.ofSeconds(30));
    }

    /**
     * Adds the gateway's service token (audience writing-analysis, scopes api:invoke and
     * mcp:invoke) to {@code builder}.
     */
    protected static HttpRequest.Builder withServiceToken(HttpRequest.Builder builder) {
        return builder.header("Authorization", serviceAuthorization());
    }

    private static String serviceAuthorization() {
        return "Bearer "
                + TestAssertions.shared()
                        .serviceToken(
                                ServiceTokens.SCOPE_API_INVOKE, ServiceTokens.SCOPE_MCP_INVOKE);
    }

    /**
     * Returns the authentication headers of a request made for {@code caller}. Every test request,
     * over HTTP and over MCP, takes its credentials from here or from {@link
     * #headersWithAssertion}.
     */
    public static Map<String, String> headersFor(UserClaims caller) {
        return headersWithAssertion(TestAssertions.shared().assertionFor(caller));
    }

    /**
     * Returns the authentication headers of a request that carries the gateway's service token and
     * {@code assertion} as its user assertion, or no assertion when it is null (for tests of forged
     * and missing user credentials).
     */
    public static Map<String, String> headersWithAssertion(String assertion) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", serviceAuthorization());
        if (assertion != null) {
            headers.put(UserAssertions.HEADER, assertion);
        }
        return headers;
    }

    /**
     * Returns a request builder for {@code path} that carries the service token and a valid
     * assertion for {@code caller}.
     */
    protected HttpRequest.Builder as(UserClaims caller, String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        headersFor(caller).forEach(builder::header);
        return builder;
    }

    protected static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    /** Sends a JSON POST as {@code caller}. */
    protected HttpResponse<String> post(UserClaims caller, String path, String body) {
        return send(
                as(caller, path)
                        .header("Content-Type", "application/json")
                        .POST(json(body))
                        .build());
    }

    /** Sends a GET as {@code caller}. */
    protected HttpResponse<String> get(UserClaims caller, String path) {
        return send(as(caller, path).GET().build());
    }

    protected static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("HTTP request interrupted", e);
        }
    }

    protected static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected static String correlationIdOf(HttpResponse<String> response) {
        return response.headers().firstValue(CorrelationIds.HEADER).orElse(null);
    }
}
