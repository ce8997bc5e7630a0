package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** The correlation id is kept when valid, replaced otherwise, and echoed on every response. */
class CorrelationIdTest extends GatewayTestSupport {

    private static final String HEADER = "X-Correlation-ID";
    private static final String PATH = "/api/writing-analysis/essays/e-1";
    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @BeforeEach
    void stubUpstream() {
        // The upstream echoes some other id, but the client must still see the gateway's.
        UPSTREAM.stubFor(
                any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader(HEADER, "other")));
    }

    @Test
    void validIdIsKept() {
        String sent = "client-run.42_A";

        String echoed = callWith(sent);

        assertThat(echoed).isEqualTo(sent);
        assertThat(upstreamId()).isEqualTo(sent);
    }

    @Test
    void invalidIdIsReplaced() {
        for (String sent :
                new String[] {"short", "has space in it", "x".repeat(65), "bad/slash-id"}) {
            UPSTREAM.resetRequests();

            String echoed = callWith(sent);

            assertThat(echoed).as(sent).matches(UUID);
            assertThat(upstreamId()).as(sent).isEqualTo(echoed);
        }
    }

    @Test
    void missingIdIsGenerated() {
        EntityExchangeResult<byte[]> result =
                client.get()
                        .uri(PATH)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .returnResult();

        String echoed = result.getResponseHeaders().getFirst(HEADER);
        assertThat(echoed).matches(UUID);
        assertThat(result.getResponseHeaders().get(HEADER)).hasSize(1);
        assertThat(upstreamId()).isEqualTo(echoed);
    }

    @Test
    void idIsEchoedOnErrors() {
        String sent = "error-path-0001";

        client.get()
                .uri(PATH)
                .header(HEADER, sent)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HEADER, sent)
                .expectBody()
                .jsonPath("$.error.correlationId")
                .isEqualTo(sent);

        client.get()
                .uri("/api/nowhere")
                .header(HEADER, sent)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .valueEquals(HEADER, sent)
                .expectBody()
                .jsonPath("$.error.correlationId")
                .isEqualTo(sent);
    }

    private String callWith(String correlationId) {
        return client.get()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header(HEADER, correlationId)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(byte[].class)
                .getResponseHeaders()
                .getFirst(HEADER);
    }

    private static String upstreamId() {
        List<LoggedRequest> requests = UPSTREAM.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0).getHeader(HEADER);
    }
}
