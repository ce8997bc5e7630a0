package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.gateway.service.CircuitBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service circuit of the proxy chain: CB-3 trips, GW-12 503 CIRCUIT_OPEN, CB-7 classes. */
class ServiceCircuitTest extends GatewayTestSupport {

    private static final String PATH = "/api/writing-analysis/essays/e-1";

    @Autowired CircuitBreakers breakers;

    /**
     * Sends one answered request first: the first proxied call of a cold JVM can take longer than
     * the 2 s test route timeout, and a timeout here would count as a circuit failure.
     */
    @BeforeEach
    void warmUpProxyChain() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        client.get()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange();
        UPSTREAM.resetAll();
        breakers.all().forEach(CircuitBreakers.Circuit::reset);
    }

    private WebTestClient.ResponseSpec get(String path) {
        return client.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange();
    }

    private static int upstreamCalls() {
        return UPSTREAM.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
    }

    @Test
    void fiveServerErrorsOpenTheServiceCircuit() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 5; i++) {
            get(PATH).expectStatus().isEqualTo(502);
        }
        assertThat(breakers.circuit("writing-analysis").state()).isEqualTo(State.OPEN);

        get(PATH)
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "60")
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("CIRCUIT_OPEN")
                .jsonPath("$.error.retryable")
                .isEqualTo(true);

        assertThat(upstreamCalls()).isEqualTo(5);
        assertThat(breakers.circuit("writing-analysis").totalShortCircuited()).isPositive();
    }

    @Test
    void clientErrorsKeepTheCircuitClosed() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
        for (int i = 0; i < 12; i++) {
            get(PATH).expectStatus().isNotFound();
        }

        CircuitBreakers.Circuit circuit = breakers.circuit("writing-analysis");
        assertThat(circuit.state()).isEqualTo(State.CLOSED);
        assertThat(circuit.consecutiveFailures()).isZero();
        assertThat(upstreamCalls()).isEqualTo(12);
    }

    @Test
    void refusedConnectionsCountAsFailures() {
        for (int i = 0; i < 5; i++) {
            get("/api/refused/anything").expectStatus().isEqualTo(503);
        }

        assertThat(breakers.circuit("refused-service").state()).isEqualTo(State.OPEN);
        get("/api/refused/anything")
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "30")
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("CIRCUIT_OPEN");
    }

    @Test
    void tooManyRequestsWithRetryAfterExtendsTheOpenTime() {
        UPSTREAM.stubFor(
                any(anyUrl())
                        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        for (int i = 0; i < 5; i++) {
            get(PATH).expectStatus().isEqualTo(429);
        }

        String retryAfter =
                get(PATH)
                        .expectStatus()
                        .isEqualTo(503)
                        .returnResult(byte[].class)
                        .getResponseHeaders()
                        .getFirst(HttpHeaders.RETRY_AFTER);

        assertThat(Integer.parseInt(retryAfter)).isBetween(115, 120);
    }
}
