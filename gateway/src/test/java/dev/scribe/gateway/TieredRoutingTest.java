package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.FeatureFlags;
import dev.scribe.gateway.service.TierRouter;
import dev.scribe.gateway.service.TierStatistics;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.UserClaims;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tier router end to end: the real gateway in front of a faulty WireMock upstream. Each test
 * asserts the tier that answered, its envelope and headers, and the exact upstream call count.
 */
class TieredRoutingTest extends GatewayTestSupport {

    static final UserClaims EDUCATOR =
            new UserClaims(
                    "educator-demo", Role.EDUCATOR, "inst-demo", List.of("course-demo-101"), 1);

    private static final String SENSITIVITY = TieredOperation.SENSITIVITY.path();
    private static final String PURPOSE = TieredOperation.PURPOSE_VALIDATION.path();
    private static final String D3 = "{\"content\":\"Contact Ana Ruiz at ana.ruiz@example.org\"}";
    private static final String D5 =
            "{\"purpose\":\"Improve feedback\",\"requestedData\":[\"writing_content\"],"
                    + "\"requesterRole\":\"educator\"}";
    private static final String REMOTE_BODY =
            "{\"success\":true,\"data\":{\"sensitivityLevel\":\"medium\"},\"meta\":{\"tier\":"
                    + "\"remote\",\"degraded\":false,\"notices\":[],\"correlationId\":\"c-123456\"}}";

    @Autowired CircuitBreakers breakers;
    @Autowired TierStatistics statistics;
    @Autowired FeatureFlags flags;
    @Autowired TierRouter router;
    @Autowired MeterRegistry meters;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void resetRouterState() {
        // One answered call first: the first remote call of a cold JVM can outlast the 2 s test
        // route timeout and would then count as a failure of the test that makes it.
        stub(
                SENSITIVITY,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(REMOTE_BODY));
        send(SENSITIVITY, STUDENT, D3).expectBody().returnResult();
        UPSTREAM.resetAll();

        breakers.all().forEach(CircuitBreakers.Circuit::reset);
        statistics.clear();
        flags.restoreDefaults();
        // These tests cover the heuristic tier; LocalTierRoutingTest covers the local tier, which
        // would otherwise answer classification and purpose validation first.
        flags.set(
                Map.of(
                        FeatureFlags.localFlag(TieredOperation.SENSITIVITY),
                        false,
                        FeatureFlags.localFlag(TieredOperation.PURPOSE_VALIDATION),
                        false));
        router.refresh();
    }

    private static void stub(String path, ResponseDefinitionBuilder response) {
        UPSTREAM.stubFor(post(urlEqualTo(path)).willReturn(response));
    }

    private static int calls(String path) {
        return UPSTREAM.countRequestsMatching(postRequestedFor(urlEqualTo(path)).build())
                .getCount();
    }

    private WebTestClient.ResponseSpec send(String path, UserClaims caller, String body) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(caller))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private JsonNode bodyOf(WebTestClient.ResponseSpec spec) {
        byte[] bytes = spec.expectBody().returnResult().getResponseBody();
        return json.readTree(bytes);
    }

    private static List<String> notices(JsonNode body) {
        return JsonMapper.builder().build().convertValue(body.at("/meta/notices"), List.class);
    }

    @Test
    void remoteAnswerPassesThroughWithTheUserAssertion() {
        stub(
                SENSITIVITY,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(REMOTE_BODY));

        WebTestClient.ResponseSpec response =
                send(SENSITIVITY, STUDENT, D3)
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueEquals("X-Service-Tier", "remote")
                        .expectHeader()
                        .doesNotExist("X-Degraded")
                        .expectHeader()
                        .exists("X-Correlation-ID");

        assertThat(bodyOf(response).at("/meta/tier").stringValue()).isEqualTo("remote");
        assertThat(calls(SENSITIVITY)).isEqualTo(1);
        UPSTREAM.verify(
                postRequestedFor(urlEqualTo(SENSITIVITY))
                        .withHeader("X-User-Assertion", matching(".+"))
                        .withHeader("X-Correlation-ID", matching(".+"))
                        .withHeader("X-Forwarded-For", matching(".+"))
                        .withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"))
                        .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN)));
    }

    @Test
    void serverErrorFallsBackToTheHeuristicTierAfterTwoRetries() {
        stub(SENSITIVITY, aResponse().withStatus(500));

        WebTestClient.ResponseSpec response =
                send(SENSITIVITY, STUDENT, D3)
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueEquals("X-Service-Tier", "heuristic")
                        .expectHeader()
                        .valueEquals("X-Degraded", "true");

        JsonNode body = bodyOf(response);
        assertThat(body.get("success").booleanValue()).isTrue();
        assertThat(body.at("/meta/tier").stringValue()).isEqualTo("heuristic");
        assertThat(body.at("/meta/degraded").booleanValue()).isTrue();
        assertThat(body.at("/meta/message").stringValue()).isNotBlank();
        assertThat(notices(body))
                .containsExactly("LOCAL_FLAG_OFF", "REMOTE_FAILED", "DEGRADED_HEURISTIC_TIER");
        assertThat(body.at("/data/sensitivityLevel").stringValue()).isEqualTo("medium");
        assertThat(body.at("/data/sensitivityScore").decimalValue()).isEqualByComparingTo("0.5");
        // Classification stores nothing, so the route's retry policy repeats it twice.
        assertThat(calls(SENSITIVITY)).isEqualTo(3);
        assertThat(
                        meters.get("adaptive_tier_fallback_total")
                                .tag("operation", "sensitivity")
                                .tag("from_tier", "remote")
                                .tag("to_tier", "heuristic")
                                .counter()
                                .count())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void purposeValidationIsRetriedOnlyWithAnIdempotencyKey() {
        stub(PURPOSE, aResponse().withStatus(503));

        JsonNode body = bodyOf(send(PURPOSE, EDUCATOR, D5).expectStatus().isOk());

        assertThat(calls(PURPOSE)).isEqualTo(1);
        assertThat(body.at("/data/valid").booleanValue()).isFalse();
        assertThat(body.at("/data/score").isNull()).isTrue();
        assertThat(body.at("/data/reasonCode").stringValue()).isEqualTo("VALIDATOR_UNAVAILABLE");
        assertThat(notices(body))
                .containsExactly(
                        "LOCAL_FLAG_OFF",
                        "REMOTE_FAILED",
                        "DEGRADED_HEURISTIC_TIER",
                        "VALIDATOR_UNAVAILABLE");

        client.post()
                .uri(PURPOSE)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(EDUCATOR))
                .header("Idempotency-Key", "b8d5cf1e-1e0c-4a55-9f3c-1c7d7d0b1a01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(D5)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(calls(PURPOSE)).isEqualTo(4);
    }

    @Test
    void timeoutFallsBackWithinTheRouteDeadline() {
        stub(SENSITIVITY, aResponse().withStatus(200).withFixedDelay(5000));
        long started = System.nanoTime();

        send(SENSITIVITY, STUDENT, D3)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Service-Tier", "heuristic");

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMs).isLessThan(2500);
        assertThat(calls(SENSITIVITY)).isEqualTo(1);
    }

    @Test
    void clientErrorPassesThroughUnchangedWithoutFallback() {
        String conflict =
                "{\"success\":false,\"error\":{\"code\":\"INVALID_ARGUMENT\",\"message\":\"The"
                        + " request is invalid.\",\"correlationId\":\"c-123456\",\"retryable\":false}}";
        CircuitBreakers.Circuit circuit = breakers.circuit("writing-analysis:sensitivity");
        long failuresBefore = circuit.totalFailures();
        long fallbacksBefore = circuit.totalFallbacks();
        stub(
                SENSITIVITY,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(conflict));

        send(SENSITIVITY, STUDENT, D3)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .valueEquals("X-Service-Tier", "remote")
                .expectBody()
                .json(conflict);

        assertThat(calls(SENSITIVITY)).isEqualTo(1);
        assertThat(circuit.totalFailures()).isEqualTo(failuresBefore);
        assertThat(circuit.totalFallbacks()).isEqualTo(fallbacksBefore);
        assertThat(circuit.consecutiveFailures()).isZero();
    }

    @Test
    void successWithAnUnparseableBodyFallsBack() {
        stub(
                PURPOSE,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>maintenance</html>"));

        send(PURPOSE, EDUCATOR, D5)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Service-Tier", "heuristic");
        assertThat(calls(PURPOSE)).isEqualTo(1);
    }

    @Test
    void openCircuitIsSkippedWithoutCallingTheUpstream() {
        stub(PURPOSE, aResponse().withStatus(502));
        for (int i = 0; i < 5; i++) {
            send(PURPOSE, EDUCATOR, D5).expectStatus().isOk();
        }
        CircuitBreakers.Circuit circuit = breakers.circuit("writing-analysis:purpose-validation");
        assertThat(circuit.state()).isEqualTo(State.OPEN);
        long fallbacksBefore = circuit.totalFallbacks();
        assertThat(calls(PURPOSE)).isEqualTo(5);

        JsonNode body = bodyOf(send(PURPOSE, EDUCATOR, D5).expectStatus().isOk());

        assertThat(calls(PURPOSE)).isEqualTo(5);
        assertThat(notices(body))
                .containsExactly(
                        "REMOTE_CIRCUIT_OPEN",
                        "LOCAL_FLAG_OFF",
                        "DEGRADED_HEURISTIC_TIER",
                        "VALIDATOR_UNAVAILABLE");
        assertThat(circuit.totalFallbacks()).isEqualTo(fallbacksBefore + 1);
    }

    @Test
    void nothingCanAnswerWhenFallbackIsOff() {
        flags.set(Map.of(FeatureFlags.ALLOW_FALLBACK, false));
        stub(PURPOSE, aResponse().withStatus(500));

        WebTestClient.ResponseSpec response =
                send(PURPOSE, EDUCATOR, D5)
                        .expectStatus()
                        .isEqualTo(503)
                        .expectHeader()
                        .valueEquals(HttpHeaders.RETRY_AFTER, "30");

        JsonNode body = bodyOf(response);
        assertThat(body.at("/success").booleanValue()).isFalse();
        assertThat(body.at("/error/code").stringValue()).isEqualTo("NO_TIER_AVAILABLE");
        assertThat(body.at("/error/retryable").booleanValue()).isTrue();
        assertThat(calls(PURPOSE)).isEqualTo(1);
    }

    @Test
    void retryAfterFollowsTheOpenCircuit() {
        flags.set(Map.of(FeatureFlags.ALLOW_FALLBACK, false));
        breakers.circuit("writing-analysis:purpose-validation");
        stub(PURPOSE, aResponse().withStatus(500));
        for (int i = 0; i < 5; i++) {
            send(PURPOSE, EDUCATOR, D5).expectStatus().isEqualTo(503);
        }

        String retryAfter =
                send(PURPOSE, EDUCATOR, D5)
                        .expectStatus()
                        .isEqualTo(503)
                        .returnResult(byte[].class)
                        .getResponseHeaders()
                        .getFirst(HttpHeaders.RETRY_AFTER);

        assertThat(Integer.parseInt(retryAfter)).isBetween(55, 60);
        assertThat(calls(PURPOSE)).isEqualTo(5);
    }

    @Test
    void aiBoundariesAreRefusedWhenConsentCannotBeChecked() {
        String path = TieredOperation.AI_BOUNDARIES.path();
        stub(path, aResponse().withStatus(503));

        JsonNode body =
                bodyOf(
                        send(path, STUDENT, "{\"request\":{\"prompt\":\"Explain a thesis\"}}")
                                .expectStatus()
                                .isEqualTo(503)
                                .expectHeader()
                                .exists(HttpHeaders.RETRY_AFTER));

        assertThat(body.at("/error/code").stringValue()).isEqualTo("CONSENT_UNAVAILABLE");
    }

    @Test
    void insightsMayRequireTheRemoteTier() {
        String path = TieredOperation.INSIGHTS.path();
        String classInsights =
                "{\"scope\":\"class\",\"targetId\":\"course-demo-101\",\"timeframe\":\"week\","
                        + "\"purpose\":\"class_performance_analysis\"}";
        stub(path, aResponse().withStatus(500));

        JsonNode degraded = bodyOf(send(path, EDUCATOR, classInsights).expectStatus().isOk());
        assertThat(degraded.at("/data/insights/summary").stringValue())
                .isEqualTo("Insights are temporarily unavailable.");

        flags.set(Map.of(FeatureFlags.REQUIRE_REMOTE_FOR_INSIGHTS, true));
        send(path, EDUCATOR, classInsights).expectStatus().isEqualTo(503);
    }

    @Test
    void educatorInsightsForACourseNotInTheTokenAreForbidden() {
        String path = TieredOperation.INSIGHTS.path();
        stub(path, aResponse().withStatus(500));

        JsonNode body =
                bodyOf(
                        send(
                                        path,
                                        EDUCATOR,
                                        "{\"scope\":\"class\",\"targetId\":\"course-other\","
                                                + "\"timeframe\":\"week\","
                                                + "\"purpose\":\"class_performance_analysis\"}")
                                .expectStatus()
                                .isForbidden());

        assertThat(body.at("/error/code").stringValue()).isEqualTo("FORBIDDEN");
    }

    @Test
    void remoteFlagOffSkipsTheUpstreamAndStrictPrivacyRedactsEchoedText() {
        flags.set(
                Map.of(
                        FeatureFlags.remoteFlag(TieredOperation.SENSITIVITY),
                        false,
                        FeatureFlags.STRICT_PRIVACY,
                        true));
        stub(SENSITIVITY, aResponse().withStatus(200));

        JsonNode body = bodyOf(send(SENSITIVITY, STUDENT, D3).expectStatus().isOk());

        assertThat(calls(SENSITIVITY)).isZero();
        assertThat(notices(body))
                .containsExactly("REMOTE_FLAG_OFF", "LOCAL_FLAG_OFF", "DEGRADED_HEURISTIC_TIER");
        assertThat(body.at("/data/sensitiveElements/0/text").stringValue())
                .isEqualTo("[REDACTED_PERSONAL_NAMES]");
    }

    @Test
    void lowSuccessRateDemotesTheRemoteTierAfterTheHealthRefresh() {
        stub(PURPOSE, aResponse().withStatus(500));
        for (int i = 0; i < 10; i++) {
            send(PURPOSE, EDUCATOR, D5).expectStatus().isOk();
            // Keep the breaker closed so that only the window decides.
            breakers.circuit("writing-analysis:purpose-validation").reset();
        }
        router.refresh();

        JsonNode body = bodyOf(send(PURPOSE, EDUCATOR, D5).expectStatus().isOk());

        assertThat(calls(PURPOSE)).isEqualTo(10);
        assertThat(notices(body)).startsWith("REMOTE_SUCCESS_RATE_LOW");
    }

    @Test
    void demotedPatternsStillReachRemote() {
        String path = TieredOperation.PATTERNS.path();
        stub(path, aResponse().withStatus(500));
        for (int i = 0; i < 10; i++) {
            send(path, STUDENT, "{\"content\":\"My essay.\"}").expectStatus().isEqualTo(503);
            breakers.circuit("writing-analysis:patterns").reset();
        }
        router.refresh();
        UPSTREAM.resetAll();
        stub(
                path,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(REMOTE_BODY));

        // The heuristic tier has no consent decision, so the request goes on to the demoted remote
        // tier.
        send(path, STUDENT, "{\"content\":\"My essay.\"}")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Service-Tier", "remote");
        assertThat(calls(path)).isEqualTo(1);

        // When it fails again, the caller gets the heuristic tier's refusal, not NO_TIER_AVAILABLE.
        stub(path, aResponse().withStatus(500));
        JsonNode refused =
                bodyOf(
                        send(path, STUDENT, "{\"content\":\"My essay.\"}")
                                .expectStatus()
                                .isEqualTo(503)
                                .expectHeader()
                                .exists(HttpHeaders.RETRY_AFTER));
        assertThat(refused.at("/error/code").stringValue()).isEqualTo("CONSENT_UNAVAILABLE");
    }

    @Test
    void nonTieredPathsStayOnTheProxyChain() {
        stub("/api/writing-analysis/progress", aResponse().withStatus(500));

        send("/api/writing-analysis/progress", STUDENT, "{}").expectStatus().isEqualTo(502);
        assertThat(calls("/api/writing-analysis/progress")).isEqualTo(1);
    }
}
