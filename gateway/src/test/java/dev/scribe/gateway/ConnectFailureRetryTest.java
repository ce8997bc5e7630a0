package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A connection that fails before the request was sent is retried on another instance; a failure
 * after the request was sent is not. The route {@code /api/failover} has two instances: a closed
 * port and WireMock.
 */
class ConnectFailureRetryTest extends GatewayTestSupport {

    private static final int REQUESTS = 6;

    @Test
    void refusedInstanceIsSkippedForEveryPost() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("ok")));

        for (int index = 0; index < REQUESTS; index++) {
            client.post()
                    .uri("/api/failover/items/" + index)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"item\":" + index + "}")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .isEqualTo("ok");
        }

        for (int index = 0; index < REQUESTS; index++) {
            UPSTREAM.verify(
                    1,
                    postRequestedFor(urlEqualTo("/api/failover/items/" + index))
                            .withRequestBody(equalTo("{\"item\":" + index + "}")));
        }
        assertThat(UPSTREAM.getAllServeEvents()).hasSize(REQUESTS);
    }

    @Test
    void serverErrorIsNotRetried() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));

        for (int index = 0; index < 2; index++) {
            client.post()
                    .uri("/api/failover/items/" + index)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(502)
                    .expectBody()
                    .jsonPath("$.error.code")
                    .isEqualTo("UPSTREAM_ERROR");

            UPSTREAM.verify(1, postRequestedFor(urlEqualTo("/api/failover/items/" + index)));
        }
        assertThat(UPSTREAM.getAllServeEvents()).hasSize(2);
    }

    @Test
    void responseTimeoutIsNotRetried() {
        UPSTREAM.stubFor(
                any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        client.post()
                .uri("/api/failover/items/slow")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(504)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("UPSTREAM_TIMEOUT");

        UPSTREAM.verify(1, postRequestedFor(urlEqualTo("/api/failover/items/slow")));
        assertThat(UPSTREAM.getAllServeEvents()).hasSize(1);
    }
}
