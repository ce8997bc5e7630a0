package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.gateway.domain.DegradedOutbox;
import dev.scribe.gateway.domain.DegradedOutboxEntry;
import dev.scribe.gateway.domain.DegradedOutboxEntry.Kind;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.FeatureFlags;
import dev.scribe.gateway.service.TierRouter;
import dev.scribe.gateway.service.TierStatistics;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local tier end to end: the real gateway in front of a failing WireMock upstream responds with
 * the in-process engine and records the request in its durable outbox before it responds.
 */
class LocalTierRoutingTest extends GatewayTestSupport {

    private static final String SENSITIVITY = TieredOperation.SENSITIVITY.path();
    private static final String PURPOSE = TieredOperation.PURPOSE_VALIDATION.path();

    /** Classification vector C5: mental health and family situation, score 0.955, high. */
    private static final String C5 =
            "{\"content\":\"We are feeling anxious about my family situation at home.\"}";

    /** Purpose vector P2: a student's valid justification, score 0.85. */
    private static final String P2 =
            "{\"purpose\":\"Support student success through timely intervention and"
                    + " personalized learning feedback\",\"requestedData\":[\"progress_metrics\"],"
                    + "\"requesterRole\":\"student\"}";

    @Autowired CircuitBreakers breakers;
    @Autowired TierStatistics statistics;
    @Autowired FeatureFlags flags;
    @Autowired TierRouter router;
    @Autowired DegradedOutbox outbox;
    @Autowired MeterRegistry meters;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void resetRouterState() {
        breakers.all().forEach(CircuitBreakers.Circuit::reset);
        statistics.clear();
        flags.restoreDefaults();
        router.refresh();
        UPSTREAM.stubFor(post(urlEqualTo(SENSITIVITY)).willReturn(aResponse().withStatus(500)));
        UPSTREAM.stubFor(post(urlEqualTo(PURPOSE)).willReturn(aResponse().withStatus(503)));
    }

    private WebTestClient.ResponseSpec send(String path, String body) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private JsonNode bodyOf(WebTestClient.ResponseSpec spec) {
        return json.readTree(spec.expectBody().returnResult().getResponseBody());
    }

    private Set<UUID> pendingIds() {
        Set<UUID> ids = new HashSet<>();
        outbox.pending().forEach(entry -> ids.add(entry.outboxId()));
        return ids;
    }

    /** Outbox entries written since {@code before}, oldest first. */
    private List<DegradedOutboxEntry> newEntries(Set<UUID> before) {
        return outbox.pending().stream()
                .filter(entry -> !before.contains(entry.outboxId()))
                .toList();
    }

    private String outboxFileText() throws IOException {
        return Files.readString(outbox.file());
    }

    @Test
    void classificationIsAnsweredByTheLocalEngine() throws IOException {
        Set<UUID> before = pendingIds();

        WebTestClient.ResponseSpec response =
                send(SENSITIVITY, C5)
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueEquals("X-Service-Tier", "local")
                        .expectHeader()
                        .valueEquals("X-Degraded", "true");

        JsonNode body = bodyOf(response);
        assertThat(body.at("/meta/tier").stringValue()).isEqualTo("local");
        assertThat(body.at("/meta/degraded").booleanValue()).isTrue();
        assertThat(body.at("/meta/message").stringValue()).isNotBlank();
        assertThat(body.at("/meta/notices").toString()).contains("REMOTE_FAILED");
        assertThat(body.at("/data/sensitivityLevel").stringValue()).isEqualTo("high");
        assertThat(body.at("/data/sensitivityScore").decimalValue()).isEqualByComparingTo("0.955");
        assertThat(body.at("/data/redactedContent").stringValue())
                .isEqualTo(
                        "We are [REDACTED_MENTAL_HEALTH] about [REDACTED_FAMILY_SITUATION] at"
                                + " home.");

        List<DegradedOutboxEntry> written = newEntries(before);
        assertThat(written).hasSize(1);
        DegradedOutboxEntry event = written.get(0);
        assertThat(event.kind()).isEqualTo(Kind.EVENT);
        String fileText = outboxFileText();
        assertThat(fileText).contains(event.outboxId().toString());
        assertThat(fileText).doesNotContain("anxious").doesNotContain("content.classified");
        JsonNode envelope = json.readTree(outbox.decrypt(event));
        assertThat(envelope.get("type").stringValue()).isEqualTo("content.classified");
        assertThat(envelope.toString()).doesNotContain("anxious");
        assertThat(
                        meters.get("adaptive_tier_requests_total")
                                .tag("operation", "sensitivity")
                                .tag("tier", "local")
                                .tag("outcome", "success")
                                .counter()
                                .count())
                .isGreaterThanOrEqualTo(1.0);
        assertThat(meters.get("degraded_outbox_pending_entries").gauge().value())
                .isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void purposeValidationIsScoredAndAuditedLocally() throws IOException {
        Set<UUID> before = pendingIds();

        WebTestClient.ResponseSpec response =
                send(PURPOSE, P2)
                        .expectStatus()
                        .isOk()
                        .expectHeader()
                        .valueEquals("X-Service-Tier", "local");

        JsonNode body = bodyOf(response);
        assertThat(body.at("/data/valid").booleanValue()).isTrue();
        assertThat(body.at("/data/score").decimalValue()).isEqualByComparingTo("0.85");
        assertThat(body.at("/data/approvalRequired").booleanValue()).isFalse();
        assertThat(
                        body.at("/data/reasonCode").isMissingNode()
                                || !body.at("/data/reasonCode")
                                        .asString("")
                                        .equals("VALIDATOR_UNAVAILABLE"))
                .isTrue();

        List<DegradedOutboxEntry> written = newEntries(before);
        assertThat(written)
                .extracting(DegradedOutboxEntry::kind)
                .containsExactly(Kind.AUDIT, Kind.EVENT);
        JsonNode audit = json.readTree(outbox.decrypt(written.get(0)));
        assertThat(audit.get("action").stringValue()).isEqualTo("validate_educational_purpose");
        assertThat(audit.at("/details/tier").stringValue()).isEqualTo("local");
        assertThat(audit.get("actorPseudonym").stringValue()).matches("[0-9a-f]{64}");
        // The service reads the payload with the engine's own mapper on replay.
        AuditEntry parsed = Json.mapper().treeToValue(audit, AuditEntry.class);
        assertThat(parsed.occurredAt()).isNotNull();
        assertThat(parsed.details().get("tier").stringValue()).isEqualTo("local");
        assertThat(new String(outbox.decrypt(written.get(0)), StandardCharsets.UTF_8))
                .doesNotContain(STUDENT.subject());
        assertThat(outboxFileText()).doesNotContain("validate_educational_purpose");
    }

    @Test
    void localFlagOffFallsToTheHeuristicTier() {
        flags.set(Map.of(FeatureFlags.localFlag(TieredOperation.SENSITIVITY), false));
        Set<UUID> before = pendingIds();

        JsonNode body =
                bodyOf(
                        send(SENSITIVITY, C5)
                                .expectStatus()
                                .isOk()
                                .expectHeader()
                                .valueEquals("X-Service-Tier", "heuristic"));

        assertThat(body.at("/meta/notices").toString()).contains("LOCAL_FLAG_OFF");
        assertThat(newEntries(before)).isEmpty();
    }

    @Test
    void failFastSkipsTheLocalTier() {
        flags.set(Map.of(FeatureFlags.FAIL_FAST, true));

        JsonNode body =
                bodyOf(
                        send(PURPOSE, P2)
                                .expectStatus()
                                .isOk()
                                .expectHeader()
                                .valueEquals("X-Service-Tier", "heuristic"));

        assertThat(body.at("/meta/notices").toString()).contains("FAIL_FAST");
        assertThat(body.at("/data/reasonCode").stringValue()).isEqualTo("VALIDATOR_UNAVAILABLE");
    }

    @Test
    void strictPrivacyRedactsTextTheLocalTierEchoes() {
        flags.set(Map.of(FeatureFlags.STRICT_PRIVACY, true));

        JsonNode body = bodyOf(send(SENSITIVITY, C5).expectStatus().isOk());

        assertThat(body.at("/meta/tier").stringValue()).isEqualTo("local");
        assertThat(body.at("/data/sensitiveElements/0/text").stringValue())
                .isEqualTo("[REDACTED_MENTAL_HEALTH]");
        assertThat(body.toString()).doesNotContain("feeling anxious");
    }

    @Test
    void invalidInputIsRejectedByTheLocalEngine() {
        JsonNode body = bodyOf(send(SENSITIVITY, "{\"content\":42}").expectStatus().isBadRequest());

        assertThat(body.at("/error/code").stringValue()).isEqualTo("INVALID_ARGUMENT");
        assertThat(
                        UPSTREAM.countRequestsMatching(
                                        postRequestedFor(urlEqualTo(SENSITIVITY)).build())
                                .getCount())
                .isGreaterThanOrEqualTo(1);
    }
}
