package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Authentication, body and routing rules that the edge enforces before any tool runs. */
class EdgeFilterTest extends ServiceTestSupport {

    @Autowired JdbcClient jdbc;

    private static final String SENSITIVITY = "/api/writing-analysis/sensitivity";

    @Test
    void missingAssertion_returns401WithBearerChallenge() {
        HttpResponse<String> response =
                send(
                        request(SENSITIVITY)
                                .header("Content-Type", "application/json")
                                .POST(json("{\"content\":\"hello\"}"))
                                .build());

        assertUnauthenticated(response);
    }

    @Test
    void forgedAssertion_returns401() {
        String forged = TestAssertions.shared().forgedAssertionFor(TestAssertions.demoStudent());

        HttpResponse<String> response =
                send(
                        request(SENSITIVITY)
                                .header(UserAssertions.HEADER, forged)
                                .header("Content-Type", "application/json")
                                .POST(json("{\"content\":\"hello\"}"))
                                .build());

        assertUnauthenticated(response);
    }

    @Test
    void expiredAssertion_returns401() {
        // Past the verifier's 30 s clock skew.
        String expired =
                TestAssertions.shared()
                        .expiredAssertionFor(TestAssertions.demoStudent(), Duration.ofMinutes(2));

        HttpResponse<String> response =
                send(
                        request(SENSITIVITY)
                                .header(UserAssertions.HEADER, expired)
                                .header("Content-Type", "application/json")
                                .POST(json("{\"content\":\"hello\"}"))
                                .build());

        assertUnauthenticated(response);
    }

    @Test
    void outdatedTokenVersion_returns401Revoked() {
        String userId = "student-" + UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO directory_user (id, institution_id, role, token_version)"
                                + " VALUES (:id, 'inst-demo', 'STUDENT', 2)")
                .param("id", userId)
                .update();

        HttpResponse<String> response =
                send(
                        as(TestAssertions.student(userId), SENSITIVITY)
                                .header("Content-Type", "application/json")
                                .POST(json("{\"content\":\"hello\"}"))
                                .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).path("error").path("code").asString()).isEqualTo("TOKEN_REVOKED");
    }

    @Test
    void openPaths_needNoAssertion() {
        HttpResponse<String> liveness =
                send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET().build());
        HttpResponse<String> readiness =
                send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET().build());
        HttpResponse<String> apiDocs =
                send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build());
        HttpResponse<String> prometheus =
                send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET().build());
        HttpResponse<String> swaggerUi =
                send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")).GET().build());

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(body(readiness).path("checks").has("database")).isTrue();
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("service=\"writing-analysis\"");
        assertThat(swaggerUi.statusCode()).isEqualTo(200);
    }

    @Test
    void bodyOverOneMebibyte_returns413() {
        String oversized = "{\"content\":\"" + "a".repeat(RequestBodyFilter.MAX_BODY_BYTES) + "\"}";

        HttpResponse<String> response = post(TestAssertions.demoStudent(), SENSITIVITY, oversized);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response).path("error").path("code").asString())
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunkedBodyOverOneMebibyte_returns413() {
        byte[] oversized = new byte[RequestBodyFilter.MAX_BODY_BYTES + 10];
        java.util.Arrays.fill(oversized, (byte) ' ');
        // A publisher without a known length makes the JDK client send the body chunked.
        HttpRequest.BodyPublisher chunked =
                HttpRequest.BodyPublishers.fromPublisher(
                        (Flow.Publisher<java.nio.ByteBuffer>)
                                HttpRequest.BodyPublishers.ofByteArray(oversized));

        HttpResponse<String> response =
                send(
                        as(TestAssertions.demoStudent(), SENSITIVITY)
                                .header("Content-Type", "application/json")
                                .POST(chunked)
                                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(body(response).path("error").path("code").asString())
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void wrongContentType_returns400() {
        HttpResponse<String> response =
                send(
                        as(TestAssertions.demoStudent(), SENSITIVITY)
                                .header("Content-Type", "text/plain")
                                .POST(json("{\"content\":\"hello\"}"))
                                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = body(response).path("error");
        assertThat(error.path("code").asString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.path("details").get(0).path("field").asString()).isEqualTo("Content-Type");
    }

    @Test
    void unknownRoute_returns404() {
        HttpResponse<String> response =
                get(TestAssertions.demoStudent(), "/api/writing-analysis/no-such-route");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().allValues(CorrelationIds.HEADER)).hasSize(1);
        JsonNode body = body(response);
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("error").path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(body.path("error").path("correlationId").asString())
                .isEqualTo(correlationIdOf(response));
    }

    @Test
    void validCorrelationId_isEchoed() {
        HttpResponse<String> response =
                send(
                        as(TestAssertions.demoStudent(), "/api/writing-analysis/no-such-route")
                                .header(CorrelationIds.HEADER, "test-correlation-0001")
                                .GET()
                                .build());

        assertThat(correlationIdOf(response)).isEqualTo("test-correlation-0001");
        assertThat(body(response).path("error").path("correlationId").asString())
                .isEqualTo("test-correlation-0001");
    }

    @Test
    void invalidCorrelationId_isReplaced() {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(uri(SENSITIVITY))
                                .header(CorrelationIds.HEADER, "bad id!")
                                .GET()
                                .build());

        assertThat(correlationIdOf(response)).isNotEqualTo("bad id!");
        assertThat(CorrelationIds.isValid(correlationIdOf(response))).isTrue();
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues(CorrelationIds.HEADER)).hasSize(1);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        JsonNode body = body(response);
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("error").path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(body.path("error").path("retryable").asBoolean()).isFalse();
        assertThat(body.path("error").path("correlationId").asString())
                .isEqualTo(correlationIdOf(response));
    }
}
