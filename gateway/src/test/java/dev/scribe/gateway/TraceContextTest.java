package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The gateway starts its own span and forwards W3C trace context for it. */
class TraceContextTest extends GatewayTestSupport {

    private static final String TRACEPARENT = "^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$";
    private static final String CLIENT_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN_ID = "00f067aa0ba902b7";

    @BeforeEach
    void stubUpstream() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void clientTraceIsContinuedWithGatewaySpan() {
        client.get()
                .uri("/api/writing-analysis/essays/e-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header("traceparent", "00-" + CLIENT_TRACE_ID + "-" + CLIENT_SPAN_ID + "-01")
                .header("tracestate", "vendor=abc")
                .exchange()
                .expectStatus()
                .isOk();

        LoggedRequest received = onlyUpstreamRequest();
        String forwarded = received.getHeader("traceparent");
        assertThat(forwarded).matches(TRACEPARENT);
        assertThat(forwarded.split("-")[1]).isEqualTo(CLIENT_TRACE_ID);
        assertThat(forwarded.split("-")[2]).isNotEqualTo(CLIENT_SPAN_ID);
        assertThat(received.getHeader("tracestate")).isEqualTo("vendor=abc");
    }

    @Test
    void clientSamplingFlagIsIgnored() {
        // The test profile samples every trace, so an unsampled parent must not stop sampling.
        client.get()
                .uri("/api/writing-analysis/essays/e-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header("traceparent", "00-" + CLIENT_TRACE_ID + "-" + CLIENT_SPAN_ID + "-00")
                .exchange()
                .expectStatus()
                .isOk();

        String forwarded = onlyUpstreamRequest().getHeader("traceparent");
        assertThat(forwarded).matches(TRACEPARENT);
        assertThat(forwarded).endsWith("-01");
    }

    @Test
    void traceIsStartedWithoutClientContext() {
        client.get()
                .uri("/api/writing-analysis/essays/e-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(onlyUpstreamRequest().getHeader("traceparent")).matches(TRACEPARENT);
    }

    private static LoggedRequest onlyUpstreamRequest() {
        List<LoggedRequest> requests = UPSTREAM.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
