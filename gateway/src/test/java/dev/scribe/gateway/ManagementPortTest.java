package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The management port serves health, metrics and the assertion key set. */
class ManagementPortTest extends GatewayTestSupport {

    @LocalManagementPort private int managementPort;

    @Test
    void livenessAndReadinessAreUp() {
        for (String probe : new String[] {"liveness", "readiness"}) {
            management()
                    .get()
                    .uri("/actuator/health/" + probe)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
    }

    @Test
    void prometheusCarriesServiceLabel() {
        // One rejected and one forwarded request, so that both meters exist.
        client.get()
                .uri("/api/writing-analysis/essays/e-1")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        client.get()
                .uri("/api/writing-analysis/essays/e-1")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange()
                .expectStatus()
                .isOk();

        String metrics =
                management()
                        .get()
                        .uri("/actuator/prometheus")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();

        assertThat(metrics).contains("service=\"gateway\"");
        assertThat(metrics).contains("jvm_memory_used_bytes");
        assertThat(metrics).contains("gateway_auth_rejections_total");
        assertThat(metrics).contains("gateway_upstream_requests_seconds_count");
    }

    @Test
    void jwksHasOnlyPublicAssertionKey() throws Exception {
        String json =
                management()
                        .get()
                        .uri("/.well-known/jwks.json")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();

        JWKSet keys = JWKSet.parse(json);
        assertThat(keys.getKeys()).hasSize(1);
        JWK key = keys.getKeys().get(0);
        assertThat(key.getKeyID()).isEqualTo(ASSERTION_KEY.getKeyID());
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.toECKey().toECPublicKey()).isEqualTo(ASSERTION_KEY.toECPublicKey());
    }

    @Test
    void jwksIsNotOnPublicPort() {
        client.get().uri("/.well-known/jwks.json").exchange().expectStatus().isNotFound();
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }
}
