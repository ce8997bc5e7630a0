package dev.scribe.cli.analyze;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Posts JSON bodies to the gateway with a bearer token and a fresh correlation id per request, and
 * turns every outcome, including timeouts and refused connections, into an {@link ApiResult}.
 */
public final class GatewayClient {

    private static final String CORRELATION_HEADER = "X-Correlation-ID";

    private final URI baseUri;
    private final String token;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final JsonMapper mapper;

    public GatewayClient(
            URI baseUri,
            String token,
            HttpClient http,
            Duration requestTimeout,
            JsonMapper mapper) {
        this.baseUri = baseUri;
        this.token = token;
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.mapper = mapper;
    }

    /** Creates an HTTP client that gives up connecting after {@code connectTimeout}. */
    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Posts {@code body} to the path of {@code operation}.
     *
     * @throws InterruptedException when the calling thread is interrupted while it waits
     */
    public ApiResult post(Operation operation, ObjectNode body) throws InterruptedException {
        String correlationId = "cli-" + UUID.randomUUID();
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(baseUri + operation.path()))
                        .timeout(requestTimeout)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header(CORRELATION_HEADER, correlationId)
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        mapper.writeValueAsString(body), StandardCharsets.UTF_8))
                        .build();

        long start = System.nanoTime();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long latency = System.nanoTime() - start;
            return ApiResult.fromResponse(
                    operation,
                    response.statusCode(),
                    parseBody(response.body()),
                    latency,
                    correlationId);
        } catch (HttpTimeoutException e) {
            return ApiResult.noResponse(
                    operation, ApiResult.TIMEOUT, System.nanoTime() - start, correlationId);
        } catch (IOException e) {
            return ApiResult.noResponse(
                    operation,
                    ApiResult.CONNECTION_FAILED,
                    System.nanoTime() - start,
                    correlationId);
        }
    }

    private JsonNode parseBody(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
