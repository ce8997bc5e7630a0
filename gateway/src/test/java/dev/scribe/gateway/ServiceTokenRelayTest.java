package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The gateway's service token replaces the user's token on every forwarded request. */
class ServiceTokenRelayTest extends GatewayTestSupport {

    @Test
    void upstreamGetsServiceTokenNotUserToken() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        String userToken = tokenFor(STUDENT);

        client.get()
                .uri("/api/writing-analysis/essays/e-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken)
                .exchange()
                .expectStatus()
                .isOk();

        List<LoggedRequest> received = UPSTREAM.findAll(anyRequestedFor(anyUrl()));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getHeader(HttpHeaders.AUTHORIZATION))
                .isEqualTo("Bearer " + SERVICE_TOKEN)
                .doesNotContain(userToken);
    }

    @Test
    void tokenRequestNamesTargetServiceAndScope() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        client.get()
                .uri("/api/failover/essays/e-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange()
                .expectStatus()
                .isOk();

        List<LoggedRequest> tokenRequests =
                IDENTITY.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")));
        assertThat(tokenRequests)
                .anySatisfy(
                        request -> {
                            String form = request.getBodyAsString();
                            assertThat(form).contains("grant_type=client_credentials");
                            assertThat(form).contains("audience=failover-service");
                            assertThat(form).contains("scope=api%3Ainvoke");
                        });
    }

    @Test
    void publicRouteAlsoGetsServiceToken() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        client.get().uri("/api/open-status").exchange().expectStatus().isOk();

        List<LoggedRequest> received = UPSTREAM.findAll(anyRequestedFor(anyUrl()));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getHeader(HttpHeaders.AUTHORIZATION))
                .isEqualTo("Bearer " + SERVICE_TOKEN);
    }

    @Test
    void identityFailureGives503WithoutUpstreamCall() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));

        client.get()
                .uri("/api/no-credential/essays/e-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("UNAVAILABLE");

        assertThat(UPSTREAM.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
