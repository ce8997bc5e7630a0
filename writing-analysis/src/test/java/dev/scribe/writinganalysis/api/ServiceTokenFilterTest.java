package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.platform.security.ServiceTokens;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.UserAssertions;
import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.TestAssertions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The service token check that runs before the user assertion check on every non-open path. */
class ServiceTokenFilterTest extends ServiceTestSupport {

    private static final String SENSITIVITY = "/api/writing-analysis/sensitivity";
    private static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                    + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";

    @Test
    void apiWithoutServiceToken_is401() {
        HttpResponse<String> response = send(apiRequest(null));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(body(response).path("error").path("code").asString())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void apiWithValidServiceToken_is200() {
        String token = TestAssertions.shared().serviceToken(ServiceTokens.SCOPE_API_INVOKE);

        assertThat(send(apiRequest(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenForOtherAudience_is401() {
        TestAssertions keys = TestAssertions.shared();
        String token =
                keys.serviceToken(
                        "gateway",
                        Duration.ofMinutes(5),
                        keys.identityKey(),
                        ServiceTokens.SCOPE_API_INVOKE);

        assertThat(send(apiRequest(token)).statusCode()).isEqualTo(401);
    }

    @Test
    void expiredToken_is401() {
        TestAssertions keys = TestAssertions.shared();
        String token =
                keys.serviceToken(
                        "writing-analysis",
                        Duration.ofMinutes(-2),
                        keys.identityKey(),
                        ServiceTokens.SCOPE_API_INVOKE);

        assertThat(send(apiRequest(token)).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenOfForeignKey_is401() {
        ECKey stranger = SigningKeys.generate(TestAssertions.shared().identityKey().getKeyID());
        String token =
                TestAssertions.shared()
                        .serviceToken(
                                "writing-analysis",
                                Duration.ofMinutes(5),
                                stranger,
                                ServiceTokens.SCOPE_API_INVOKE);

        assertThat(send(apiRequest(token)).statusCode()).isEqualTo(401);
    }

    @Test
    void userAssertionAsBearer_is401() {
        String assertion = TestAssertions.shared().assertionFor(TestAssertions.demoStudent());

        assertThat(send(apiRequest(assertion)).statusCode()).isEqualTo(401);
    }

    @Test
    void apiWithoutApiScope_is403() {
        String token = TestAssertions.shared().serviceToken(ServiceTokens.SCOPE_MCP_INVOKE);

        HttpResponse<String> response = send(apiRequest(token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body(response).path("error").path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(body(response).path("error").path("details").get(0).path("problem").asString())
                .contains("api:invoke");
    }

    @Test
    void mcpWithoutMcpScope_is403() {
        String token = TestAssertions.shared().serviceToken(ServiceTokens.SCOPE_API_INVOKE);

        HttpResponse<String> response = send(mcpRequest(token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body(response).path("error").path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(body(response).path("error").path("details").get(0).path("problem").asString())
                .contains("mcp:invoke");
    }

    @Test
    void mcpWithoutServiceToken_is401() {
        HttpResponse<String> response = send(mcpRequest(null));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void mcpWithMcpScope_is200() {
        String token = TestAssertions.shared().serviceToken(ServiceTokens.SCOPE_MCP_INVOKE);

        assertThat(send(mcpRequest(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void openPaths_needNoServiceToken() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/actuator/health/liveness")).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private HttpRequest apiRequest(String serviceToken) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri(SENSITIVITY))
                        .timeout(Duration.ofSeconds(30))
                        .header(
                                UserAssertions.HEADER,
                                TestAssertions.shared().assertionFor(TestAssertions.demoStudent()))
                        .header("Content-Type", "application/json");
        if (serviceToken != null) {
            builder.header("Authorization", "Bearer " + serviceToken);
        }
        return builder.POST(json("{\"content\":\"A short text.\"}")).build();
    }

    private HttpRequest mcpRequest(String serviceToken) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri("/mcp"))
                        .timeout(Duration.ofSeconds(30))
                        .header(
                                UserAssertions.HEADER,
                                TestAssertions.shared().assertionFor(TestAssertions.demoStudent()))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream");
        if (serviceToken != null) {
            builder.header("Authorization", "Bearer " + serviceToken);
        }
        return builder.POST(json(INITIALIZE)).build();
    }
}
