package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.ServiceTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Liveness and the platform readiness body, served without authentication. */
class HealthEndpointsTest extends ServiceTestSupport {

    @Test
    void liveness_reportsUp() {
        HttpResponse<String> response = getOpen("/actuator/health/liveness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readiness_reportsEveryCheck() {
        HttpResponse<String> response = getOpen("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("service").asString()).isEqualTo("writing-analysis");
        assertThat(body.path("instanceId").asString()).isEqualTo("writing-analysis:" + port);
        assertThat(body.path("timestamp").asString()).endsWith("Z");
        assertThat(body.path("uptimeSeconds").isIntegralNumber()).isTrue();
        for (String check :
                List.of("database", "consentStore", "directory", "auditTrail", "outbox")) {
            assertThat(body.path("checks").path(check).path("status").asString())
                    .as(check)
                    .isEqualTo("UP");
            assertThat(body.path("checks").path(check).path("latencyMs").isIntegralNumber())
                    .as(check)
                    .isTrue();
        }
        assertThat(body.path("checks").path("outbox").path("detail").asString())
                .endsWith("pending");
    }

    @Test
    void health_matchesReadiness() {
        HttpResponse<String> response = getOpen("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).path("checks").has("auditTrail")).isTrue();
    }

    private HttpResponse<String> getOpen(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }
}
