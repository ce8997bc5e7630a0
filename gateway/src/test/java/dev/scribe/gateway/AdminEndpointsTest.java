package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.FeatureFlags;
import dev.scribe.gateway.service.TierRouter;
import dev.scribe.gateway.service.TierStatistics;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.Tier;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The admin endpoints of CB-11, AR-7, AR-9 and AR-10 on the management port, with role checks. */
@ExtendWith(OutputCaptureExtension.class)
class AdminEndpointsTest extends GatewayTestSupport {

    static final UserClaims ADMIN =
            new UserClaims("admin-demo-7", Role.ADMINISTRATOR, "inst-demo", List.of(), 1);

    private static final String CIRCUIT = TieredOperation.SENSITIVITY.circuitName();

    @LocalManagementPort private int managementPort;

    @Autowired CircuitBreakers breakers;
    @Autowired FeatureFlags flags;
    @Autowired TierStatistics statistics;
    @Autowired TierRouter router;

    private WebTestClient management;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        management =
                WebTestClient.bindToServer()
                        .baseUrl("http://127.0.0.1:" + managementPort)
                        .responseTimeout(Duration.ofSeconds(20))
                        .build();
        breakers.circuit(CIRCUIT).reset();
        flags.restoreDefaults();
        statistics.clear();
        router.refresh();
    }

    private WebTestClient.RequestBodySpec admin(String method, String path, UserClaims caller) {
        WebTestClient.RequestBodySpec spec =
                management.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (caller != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(caller));
        }
        return spec;
    }

    private JsonNode body(WebTestClient.ResponseSpec spec) {
        return json.readTree(spec.expectBody().returnResult().getResponseBody());
    }

    @Test
    void circuitsNeedAnAdministratorToken() {
        admin("GET", "/admin/circuits", null)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists(HttpHeaders.WWW_AUTHENTICATE);
        JsonNode forbidden =
                body(
                        admin("GET", "/admin/circuits", STUDENT)
                                .exchange()
                                .expectStatus()
                                .isForbidden());
        assertThat(forbidden.at("/error/code").stringValue()).isEqualTo("FORBIDDEN");
    }

    @Test
    void circuitListShowsStateWindowTotalsAndConfiguration() {
        JsonNode body =
                body(admin("GET", "/admin/circuits", ADMIN).exchange().expectStatus().isOk());

        JsonNode circuit = null;
        for (JsonNode item : body.at("/data/circuits")) {
            if (item.get("name").stringValue().equals(CIRCUIT)) {
                circuit = item;
            }
        }
        assertThat(circuit).isNotNull();
        assertThat(circuit.get("state").stringValue()).isEqualTo("CLOSED");
        assertThat(circuit.has("nextAttemptAt")).isTrue();
        assertThat(circuit.at("/window/calls").isInt()).isTrue();
        assertThat(circuit.has("totalShortCircuited")).isTrue();
        assertThat(circuit.at("/configuration/recoveryTimeoutMs").longValue()).isEqualTo(60_000);
        assertThat(circuit.at("/configuration/successThreshold").intValue()).isEqualTo(2);
    }

    @Test
    void changesNeedAReason() {
        JsonNode body =
                body(
                        admin("POST", "/admin/circuits/" + CIRCUIT + "/force-open", ADMIN)
                                .exchange()
                                .expectStatus()
                                .isBadRequest());

        assertThat(body.at("/error/code").stringValue()).isEqualTo("INVALID_ARGUMENT");
        assertThat(body.at("/error/details/0/field").stringValue()).isEqualTo("X-Admin-Reason");
        assertThat(breakers.circuit(CIRCUIT).state()).isEqualTo(State.CLOSED);
    }

    @Test
    void forceOpenShortCircuitsTheRouterAndIsAudited(CapturedOutput output) {
        admin("POST", "/admin/circuits/" + CIRCUIT + "/force-open", ADMIN)
                .header("X-Admin-Reason", "Upstream maintenance window")
                .exchange()
                .expectStatus()
                .isOk();
        UPSTREAM.stubFor(
                post(urlEqualTo(TieredOperation.SENSITIVITY.path()))
                        .willReturn(aResponse().withStatus(200)));

        client.post()
                .uri(TieredOperation.SENSITIVITY.path())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"content\":\"Plain text\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Service-Tier", Tier.LOCAL.wireName());

        assertThat(breakers.circuit(CIRCUIT).state()).isEqualTo(State.FORCED_OPEN);
        assertThat(
                        UPSTREAM.countRequestsMatching(
                                        postRequestedFor(
                                                        urlEqualTo(
                                                                TieredOperation.SENSITIVITY.path()))
                                                .build())
                                .getCount())
                .isZero();
        assertThat(output.getOut()).contains("Administrative change", "circuit.force-open");
        assertThat(output.getOut()).doesNotContain("admin-demo-7");
        assertThat(output.getOut()).doesNotContain("Upstream maintenance window");
    }

    @Test
    void disableAndResetChangeTheOperatorState() {
        admin("POST", "/admin/circuits/" + CIRCUIT + "/disable", ADMIN)
                .header("X-Admin-Reason", "Testing")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(breakers.circuit(CIRCUIT).state()).isEqualTo(State.DISABLED);

        JsonNode body =
                body(
                        admin("POST", "/admin/circuits/" + CIRCUIT + "/reset", ADMIN)
                                .header("X-Admin-Reason", "Testing")
                                .exchange()
                                .expectStatus()
                                .isOk());
        assertThat(body.at("/data/state").stringValue()).isEqualTo("CLOSED");
    }

    @Test
    void unknownCircuitOrActionIsRejected() {
        admin("POST", "/admin/circuits/no-such-service/reset", ADMIN)
                .header("X-Admin-Reason", "Testing")
                .exchange()
                .expectStatus()
                .isNotFound();
        JsonNode body =
                body(
                        admin("POST", "/admin/circuits/" + CIRCUIT + "/explode", ADMIN)
                                .header("X-Admin-Reason", "Testing")
                                .exchange()
                                .expectStatus()
                                .isBadRequest());
        assertThat(body.at("/error/details/0/field").stringValue()).isEqualTo("action");
    }

    @Test
    void flagsAreListedAndChangedByName() {
        JsonNode listed =
                body(admin("GET", "/admin/flags", ADMIN).exchange().expectStatus().isOk());
        assertThat(listed.at("/data/flags/platform.adaptive.allow-fallback").booleanValue())
                .isTrue();

        JsonNode changed =
                body(
                        admin("PUT", "/admin/flags", ADMIN)
                                .header("X-Admin-Reason", "Drill")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("{\"flags\":{\"platform.adaptive.fail-fast\":true}}")
                                .exchange()
                                .expectStatus()
                                .isOk());

        assertThat(changed.at("/data/changed/platform.adaptive.fail-fast").booleanValue()).isTrue();
        assertThat(flags.isOn(FeatureFlags.FAIL_FAST)).isTrue();
    }

    @Test
    void servicesReadFlagsWithoutToken() {
        flags.set(java.util.Map.of(FeatureFlags.STRICT_PRIVACY, true));

        JsonNode body =
                body(management.get().uri("/internal/flags").exchange().expectStatus().isOk());

        assertThat(body.at("/data/flags/platform.adaptive.strict-privacy").booleanValue()).isTrue();
        assertThat(body.at("/data/flags")).hasSize(flags.all().size());
    }

    @Test
    void internalFlagsAreNotOnThePublicPort() {
        client.get().uri("/internal/flags").exchange().expectStatus().isNotFound();
    }

    @Test
    void unknownOrNonBooleanFlagsAreRejected() {
        JsonNode unknown =
                body(
                        admin("PUT", "/admin/flags", ADMIN)
                                .header("X-Admin-Reason", "Drill")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("{\"flags\":{\"platform.adaptive.turbo\":true}}")
                                .exchange()
                                .expectStatus()
                                .isBadRequest());
        assertThat(unknown.at("/error/details/0/field").stringValue())
                .isEqualTo("flags.platform.adaptive.turbo");

        JsonNode notBoolean =
                body(
                        admin("PUT", "/admin/flags", ADMIN)
                                .header("X-Admin-Reason", "Drill")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue("{\"flags\":{\"platform.adaptive.fail-fast\":\"yes\"}}")
                                .exchange()
                                .expectStatus()
                                .isBadRequest());
        assertThat(notBoolean.at("/error/details/0/problem").stringValue())
                .isEqualTo("must be true or false");
        assertThat(flags.isOn(FeatureFlags.FAIL_FAST)).isFalse();
    }

    @Test
    void studentsCannotChangeFlags() {
        admin("PUT", "/admin/flags", STUDENT)
                .header("X-Admin-Reason", "Drill")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"flags\":{\"platform.adaptive.fail-fast\":true}}")
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(flags.isOn(FeatureFlags.FAIL_FAST)).isFalse();
    }

    @Test
    void emergencyPresetTurnsEveryRemoteTierOff() {
        admin("POST", "/admin/flags/presets/emergency", ADMIN)
                .header("X-Admin-Reason", "Outage drill")
                .exchange()
                .expectStatus()
                .isOk();

        for (TieredOperation operation : TieredOperation.values()) {
            assertThat(flags.isOn(FeatureFlags.remoteFlag(operation))).isFalse();
        }
        assertThat(flags.isOn(FeatureFlags.STRICT_PRIVACY)).isTrue();
        assertThat(flags.isOn(FeatureFlags.FAIL_FAST)).isTrue();
        assertThat(router.plan(TieredOperation.SENSITIVITY).notices())
                .containsExactly(TierRouter.REMOTE_FLAG_OFF, TierRouter.FAIL_FAST);

        admin("POST", "/admin/flags/presets/development", ADMIN)
                .header("X-Admin-Reason", "Outage over")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(flags.isOn(FeatureFlags.remoteFlag(TieredOperation.SENSITIVITY))).isTrue();
        assertThat(flags.isOn(FeatureFlags.STRICT_PRIVACY)).isFalse();

        admin("POST", "/admin/flags/presets/turbo", ADMIN)
                .header("X-Admin-Reason", "Testing")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void resetMetricsClearsEveryWindow() {
        for (int i = 0; i < 10; i++) {
            statistics.record(
                    TieredOperation.SENSITIVITY, Tier.REMOTE, false, Duration.ofMillis(5));
        }
        router.refresh();
        assertThat(router.plan(TieredOperation.SENSITIVITY).notices())
                .containsExactly(TierRouter.REMOTE_SUCCESS_RATE_LOW);

        admin("POST", "/admin/adaptive/reset-metrics", ADMIN)
                .header("X-Admin-Reason", "Service fixed")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(statistics.snapshot(TieredOperation.SENSITIVITY, Tier.REMOTE).samples())
                .isZero();
        assertThat(router.plan(TieredOperation.SENSITIVITY).notices()).isEmpty();
    }
}
