package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Upstream failures become platform errors, while conforming upstream error bodies pass through.
 */
class UpstreamErrorMappingTest extends GatewayTestSupport {

    private static final String CONFLICT_BODY =
            "{\"success\":false,\"error\":{\"code\":\"CONFLICT\",\"message\":\"Idempotency key"
                    + " reused with another body.\",\"correlationId\":\"upstream-corr-1\","
                    + "\"retryable\":false}}";

    @Test
    void slowUpstreamIsGatewayTimeout() {
        UPSTREAM.stubFor(
                get(urlEqualTo("/api/writing-analysis/slow"))
                        .willReturn(aResponse().withStatus(200).withFixedDelay(6000)));

        expectError(authorizedGet("/api/writing-analysis/slow"), 504, "UPSTREAM_TIMEOUT", true);
    }

    @Test
    void serviceWithoutInstancesIsUnavailable() {
        expectError(authorizedGet("/api/empty/anything"), 503, "UPSTREAM_UNAVAILABLE", true)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "5");
    }

    @Test
    void refusedConnectionIsUnavailable() {
        expectError(authorizedGet("/api/refused/anything"), 503, "UPSTREAM_UNAVAILABLE", true)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "5");
    }

    @Test
    void htmlServerErrorIsBadGateway() {
        UPSTREAM.stubFor(
                any(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(500)
                                        .withHeader("Content-Type", "text/html")
                                        .withHeader("X-Debug-Host", "wa-node-3.internal")
                                        .withBody(
                                                "<html><body>Whitelabel Error Page</body></html>")));

        expectError(authorizedGet("/api/writing-analysis/essays/e-1"), 502, "UPSTREAM_ERROR", true)
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectHeader()
                .doesNotExist("X-Debug-Host");
    }

    @Test
    void emptyServerErrorIsBadGateway() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));

        expectError(authorizedGet("/api/writing-analysis/essays/e-1"), 502, "UPSTREAM_ERROR", true);
    }

    @Test
    void conformingConflictPassesThrough() {
        UPSTREAM.stubFor(
                any(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(409)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(CONFLICT_BODY)));

        authorizedGet("/api/writing-analysis/progress")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody(String.class)
                .isEqualTo(CONFLICT_BODY);
    }

    @Test
    void conformingServerErrorPassesThrough() {
        String body =
                "{\"success\":false,\"error\":{\"code\":\"UNAVAILABLE\",\"message\":\"The"
                        + " database is unreachable.\",\"correlationId\":\"upstream-corr-2\","
                        + "\"retryable\":true}}";
        UPSTREAM.stubFor(
                any(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(503)
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("Retry-After", "7")
                                        .withBody(body)));

        authorizedGet("/api/writing-analysis/essays/e-1")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "7")
                .expectBody(String.class)
                .isEqualTo(body);
    }

    @Test
    void oversizedBodyIsRejectedBeforeForwarding() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        byte[] body = new byte[5 * 1024 * 1024 + 1];

        client.post()
                .uri("/api/writing-analysis/analyze")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.error.details[0].field")
                .isEqualTo("body");

        assertThat(UPSTREAM.getAllServeEvents()).isEmpty();
    }

    @Test
    void oversizedChunkedBodyIsRejected() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 96).map(index -> buffers.wrap(new byte[64 * 1024]));

        client.post()
                .uri("/api/writing-analysis/analyze")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunkedBodyUnderLimitIsForwarded() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        Flux<DataBuffer> chunks = Flux.range(0, 4).map(index -> buffers.wrap(new byte[1024]));

        client.post()
                .uri("/api/writing-analysis/analyze")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(chunks, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(UPSTREAM.getAllServeEvents()).hasSize(1);
        assertThat(UPSTREAM.getAllServeEvents().get(0).getRequest().getBody()).hasSize(4096);
    }

    @Test
    void bodyAtLimitIsForwarded() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        byte[] body = new byte[5 * 1024 * 1024];

        client.post()
                .uri("/api/writing-analysis/analyze")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(UPSTREAM.getAllServeEvents()).hasSize(1);
    }

    private WebTestClient.RequestHeadersSpec<?> authorizedGet(String path) {
        return client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT));
    }

    private static WebTestClient.ResponseSpec expectError(
            WebTestClient.RequestHeadersSpec<?> request,
            int status,
            String code,
            boolean retryable) {
        WebTestClient.ResponseSpec response = request.exchange();
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .exists("X-Correlation-ID")
                .expectBody()
                .jsonPath("$.success")
                .isEqualTo(false)
                .jsonPath("$.error.code")
                .isEqualTo(code)
                .jsonPath("$.error.retryable")
                .isEqualTo(retryable)
                .jsonPath("$.error.message")
                .value(message -> assertThat(message.toString()).doesNotContain("127.0.0.1"));
        return response;
    }
}
