package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.jwk.JWKSet;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenVerifier;
import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.security.UserClaims;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * Headers on both sides of the gateway. The upstream receives no identity or internal header from
 * the client, but a user assertion signed by the gateway and the forwarded headers. The client
 * receives no internal header of the upstream.
 */
class HeaderSanitisingTest extends GatewayTestSupport {

    private static final String PATH = "/api/writing-analysis/essays/e-1";

    @Test
    void spoofedIdentityHeadersNeverReachUpstream() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        client.get()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header("X-User-Role", "ADMINISTRATOR")
                .header("X-User-Id", "admin-demo")
                .header(UserAssertions.HEADER, "forged.assertion.value")
                .header("X-Internal-Caller", "consent-service")
                .header("X-Accepted-At", "2025-01-01T00:00:00.000Z")
                .header("X-Replayed", "true")
                .header("X-Request-Deadline", "2099-01-01T00:00:00.000Z")
                .header("Forwarded", "for=10.0.0.1")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Forwarded-Host", "evil.example")
                .header(HttpHeaders.COOKIE, "session=abc")
                .header("Keep-Alive", "timeout=5")
                .header("Connection", "keep-alive, X-Secret-Hop")
                .header("X-Secret-Hop", "1")
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                .exchange()
                .expectStatus()
                .isOk();

        LoggedRequest received = onlyUpstreamRequest();
        for (String header :
                List.of(
                        "X-User-Role",
                        "X-User-Id",
                        "X-Internal-Caller",
                        "X-Accepted-At",
                        "X-Replayed",
                        "X-Request-Deadline",
                        "Forwarded",
                        "Cookie",
                        "Keep-Alive",
                        "X-Secret-Hop",
                        HttpHeaders.ACCEPT_ENCODING)) {
            assertThat(received.containsHeader(header)).as(header).isFalse();
        }
        assertThat(received.getHeader(UserAssertions.HEADER))
                .isNotEqualTo("forged.assertion.value");
        assertThat(received.getHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(received.getHeader("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + port);
        assertThat(received.getHeader("X-Forwarded-Proto")).isEqualTo("http");
    }

    @Test
    void upstreamGetsAssertionWithTokenClaims() throws Exception {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        client.get()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange()
                .expectStatus()
                .isOk();

        LoggedRequest received = onlyUpstreamRequest();
        assertThat(received.getHeader(HttpHeaders.AUTHORIZATION))
                .isEqualTo("Bearer " + SERVICE_TOKEN);

        JWKSet gatewayKeys = SigningKeys.publicSet(ASSERTION_KEY);
        TokenVerifier verifier = TokenVerifier.userAssertions(gatewayKeys, Clock.systemUTC());
        UserClaims asserted = verifier.verify(received.getHeader(UserAssertions.HEADER));
        assertThat(asserted).isEqualTo(STUDENT);
    }

    @Test
    void upstreamInternalHeadersAreRemoved() {
        UPSTREAM.stubFor(
                any(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Server", "Jetty(12.0)")
                                        .withHeader("X-Powered-By", "Servlet/6.1")
                                        .withHeader("X-Internal-Node", "wa-7f9c")
                                        .withHeader("X-Service-Tier", "remote")
                                        .withBody("ok")));

        client.get()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("Server")
                .expectHeader()
                .doesNotExist("X-Powered-By")
                .expectHeader()
                .doesNotExist("X-Internal-Node")
                .expectHeader()
                .valueEquals("X-Service-Tier", "remote")
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .exists("Strict-Transport-Security");
    }

    @Test
    void gatewayErrorsCarrySecurityHeaders() {
        client.get()
                .uri(PATH)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void largeResponsesAreCompressed() {
        String json = "{\"success\":true,\"data\":\"" + "a".repeat(4096) + "\"}";
        UPSTREAM.stubFor(
                any(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(json)));

        undecodingClient()
                .get()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip");
    }

    @Test
    void smallDeclaredResponsesAreNotCompressed() {
        UPSTREAM.stubFor(
                any(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("Content-Length", "16")
                                        .withBody("{\"success\":true}")));

        undecodingClient()
                .get()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.CONTENT_ENCODING);
    }

    /** Returns a client that leaves gzip bodies as they are, so Content-Encoding stays visible. */
    private WebTestClient undecodingClient() {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
                .baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    private static LoggedRequest onlyUpstreamRequest() {
        List<LoggedRequest> requests = UPSTREAM.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
