package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Forwarding of both writing-analysis prefixes and the paths the public port never serves. */
class RoutingTest extends GatewayTestSupport {

    @Test
    void canonicalPrefixKeepsPathAndQuery() {
        String pathAndQuery =
                "/api/writing-analysis/essays/e-17/feedback?lang=en&tags=a%20b&tags=c";
        UPSTREAM.stubFor(
                get(urlEqualTo(pathAndQuery))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"success\":true,\"data\":{\"score\":3}}")));

        client.get()
                .uri(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"success\":true,\"data\":{\"score\":3}}");

        UPSTREAM.verify(1, getRequestedFor(urlEqualTo(pathAndQuery)));
    }

    @Test
    void legacyPrefixForwardsPostBody() {
        String path = "/api/analytics/track-progress?source=editor";
        String body = "{\"studentId\":\"student-demo\",\"words\":412}";
        UPSTREAM.stubFor(
                post(urlEqualTo(path))
                        .withRequestBody(equalTo(body))
                        .willReturn(aResponse().withStatus(202).withBody("accepted")));

        client.post()
                .uri(URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(202)
                .expectBody(String.class)
                .isEqualTo("accepted");

        UPSTREAM.verify(1, postRequestedFor(urlEqualTo(path)).withRequestBody(equalTo(body)));
    }

    @Test
    void prefixItselfIsForwarded() {
        UPSTREAM.stubFor(
                get(urlEqualTo("/api/writing-analysis")).willReturn(aResponse().withStatus(200)));

        client.get()
                .uri("/api/writing-analysis")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void unknownApiPathIsRouteNotFound() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        for (String path :
                new String[] {
                    "/api/unknown/thing", "/api/analyticsx/report", "/api/switched-off/x", "/"
                }) {
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .exists("X-Correlation-ID")
                    .expectBody()
                    .jsonPath("$.success")
                    .isEqualTo(false)
                    .jsonPath("$.error.code")
                    .isEqualTo("ROUTE_NOT_FOUND")
                    .jsonPath("$.error.retryable")
                    .isEqualTo(false);
        }

        assertThat(UPSTREAM.getAllServeEvents()).isEmpty();
    }

    @Test
    void internalSurfacesAreNeverForwarded() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        for (String path :
                new String[] {
                    "/internal/consents",
                    "/admin/routes",
                    "/actuator/health",
                    "/actuator/prometheus",
                    "/mcp",
                    "/mcp/writing-analysis",
                    "/%61dmin/routes"
                }) {
            client.get()
                    .uri(URI.create("http://127.0.0.1:" + port + path))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.error.code")
                    .isEqualTo("ROUTE_NOT_FOUND");
        }

        assertThat(UPSTREAM.getAllServeEvents()).isEmpty();
    }

    @Test
    void dotSegmentsAreRejected() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        for (String path :
                new String[] {
                    "/api/writing-analysis/%2e%2e/%2e%2e/internal/consents",
                    "/api/writing-analysis/..;/..;/internal/consents",
                    "/api/writing-analysis/a%2Fb"
                }) {
            client.get()
                    .uri(URI.create("http://127.0.0.1:" + port + path))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.error.code")
                    .isEqualTo("INVALID_ARGUMENT")
                    .jsonPath("$.error.details[0].field")
                    .isEqualTo("path");
        }

        assertThat(UPSTREAM.getAllServeEvents()).isEmpty();
    }

    @Test
    void publicRouteNeedsNoToken() {
        UPSTREAM.stubFor(
                get(urlEqualTo("/api/open-status")).willReturn(aResponse().withStatus(200)));

        client.get().uri("/api/open-status").exchange().expectStatus().isOk();

        UPSTREAM.verify(1, getRequestedFor(urlEqualTo("/api/open-status")));
    }
}
