package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.scribe.gateway.domain.DegradedOutbox;
import dev.scribe.gateway.domain.DegradedOutboxEntry;
import dev.scribe.gateway.domain.DegradedOutboxEntry.Kind;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.DegradedOutboxReplayer;
import dev.scribe.gateway.service.FeatureFlags;
import dev.scribe.gateway.service.TierRouter;
import dev.scribe.gateway.service.TierStatistics;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replay of the durable outbox to a WireMock service that records every call: entries the local
 * tier wrote reach the service once each, decrypted, with the gateway's service token.
 */
class OutboxReplayTest extends GatewayTestSupport {

    private static final String SENSITIVITY = TieredOperation.SENSITIVITY.path();
    private static final String REPLAY = DegradedOutboxReplayer.PATH;
    private static final String C5 =
            "{\"content\":\"We are feeling anxious about my family situation at home.\"}";

    @Autowired DegradedOutbox outbox;
    @Autowired DegradedOutboxReplayer replayer;
    @Autowired CircuitBreakers breakers;
    @Autowired TierStatistics statistics;
    @Autowired FeatureFlags flags;
    @Autowired TierRouter router;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void resetRouterState() {
        breakers.all().forEach(CircuitBreakers.Circuit::reset);
        statistics.clear();
        flags.restoreDefaults();
        router.refresh();
        UPSTREAM.stubFor(post(urlEqualTo(SENSITIVITY)).willReturn(aResponse().withStatus(500)));
    }

    /** Sends one classification that the local tier serves; returns the outbox entry it wrote. */
    private DegradedOutboxEntry classifyLocally() {
        List<UUID> before = outbox.pending().stream().map(DegradedOutboxEntry::outboxId).toList();
        client.post()
                .uri(SENSITIVITY)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(C5)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Service-Tier", "local");
        List<DegradedOutboxEntry> written =
                outbox.pending().stream()
                        .filter(entry -> !before.contains(entry.outboxId()))
                        .toList();
        assertThat(written).hasSize(1);
        return written.get(0);
    }

    private List<LoggedRequest> replayCalls(UUID outboxId) {
        return UPSTREAM.findAll(postRequestedFor(urlEqualTo(REPLAY))).stream()
                .filter(request -> request.getBodyAsString().contains(outboxId.toString()))
                .toList();
    }

    private boolean pending(UUID outboxId) {
        return outbox.pending().stream().anyMatch(entry -> entry.outboxId().equals(outboxId));
    }

    @Test
    void entryIsReplayedExactlyOnce() {
        DegradedOutboxEntry entry = classifyLocally();
        UPSTREAM.stubFor(
                post(urlEqualTo(REPLAY))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"success\":true,\"data\":{}}")));

        int first = replayer.replayPending();
        int second = replayer.replayPending();

        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isZero();
        assertThat(pending(entry.outboxId())).isFalse();
        List<LoggedRequest> calls = replayCalls(entry.outboxId());
        assertThat(calls).hasSize(1);
        UPSTREAM.verify(
                postRequestedFor(urlEqualTo(REPLAY))
                        .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN)));
        JsonNode body = json.readTree(calls.get(0).getBodyAsString());
        assertThat(body.get("kind").stringValue()).isEqualTo(Kind.EVENT.wireName());
        assertThat(body.get("createdAt").stringValue()).isEqualTo(entry.createdAt().toString());
        assertThat(body.at("/payload/type").stringValue()).isEqualTo("content.classified");
    }

    @Test
    void unavailableServiceKeepsEntriesInOrder() {
        DegradedOutboxEntry older = classifyLocally();
        DegradedOutboxEntry newer = classifyLocally();
        UPSTREAM.stubFor(post(urlEqualTo(REPLAY)).willReturn(aResponse().withStatus(503)));

        int acknowledged = replayer.replayPending();

        assertThat(acknowledged).isZero();
        assertThat(pending(older.outboxId())).isTrue();
        assertThat(pending(newer.outboxId())).isTrue();
        // The pass stops at the first entry the service cannot take.
        assertThat(UPSTREAM.findAll(postRequestedFor(urlEqualTo(REPLAY)))).hasSize(1);
        assertThat(replayCalls(newer.outboxId())).isEmpty();
    }

    @Test
    void openServiceCircuitPausesTheReplay() {
        DegradedOutboxEntry entry = classifyLocally();
        UPSTREAM.stubFor(post(urlEqualTo(REPLAY)).willReturn(aResponse().withStatus(200)));
        breakers.circuit(TieredOperation.SERVICE).forceOpen();

        int acknowledged = replayer.replayPending();

        assertThat(acknowledged).isZero();
        assertThat(pending(entry.outboxId())).isTrue();
        assertThat(UPSTREAM.findAll(postRequestedFor(urlEqualTo(REPLAY)))).isEmpty();
        breakers.circuit(TieredOperation.SERVICE).reset();
    }

    @Test
    void rejectedEntryStaysPendingAndOthersContinue() {
        DegradedOutboxEntry entry = classifyLocally();
        UPSTREAM.stubFor(post(urlEqualTo(REPLAY)).willReturn(aResponse().withStatus(400)));

        replayer.replayPending();

        assertThat(pending(entry.outboxId())).isTrue();
        assertThat(replayCalls(entry.outboxId())).hasSize(1);
    }
}
