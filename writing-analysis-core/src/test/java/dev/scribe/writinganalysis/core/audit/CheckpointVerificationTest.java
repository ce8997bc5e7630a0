package dev.scribe.writinganalysis.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Caller;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.AuditCheckpoint;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.ComplianceFlags;
import dev.scribe.writinganalysis.core.testing.InMemoryAuditTrailStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckpointVerificationTest {

    private static final byte[] CHECKPOINT_KEY = "checkpoint-key".getBytes(StandardCharsets.UTF_8);

    private InMemoryAuditTrailStore store;

    @BeforeEach
    void appendFiveEntries() {
        store = new InMemoryAuditTrailStore();
        AuditRecorder recorder =
                new AuditRecorder(
                        store,
                        new Pseudonymizer("k".getBytes(StandardCharsets.UTF_8)),
                        Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC),
                        "checkpoint-1",
                        CHECKPOINT_KEY,
                        2);
        CallContext context =
                CallContext.of(new Caller("admin-1", Role.ADMINISTRATOR, "i", List.of(), 1), "c-1");
        for (int i = 0; i < 5; i++) {
            recorder.append(
                    new AuditRecord(
                            Instant.parse("2025-01-15T10:00:00Z"),
                            "admin-1",
                            "ADMINISTRATOR",
                            "student-" + i,
                            "data_access",
                            "audit_writing_data_access",
                            "reflection",
                            null,
                            "privacy_compliance",
                            "legal_obligation",
                            "success",
                            ComplianceFlags.ALL_TRUE,
                            Json.object()),
                    context);
        }
    }

    @Test
    void checkpointEveryIntervalEntries() {
        List<AuditCheckpoint> checkpoints = store.checkpoints(1, 5);

        assertThat(checkpoints).extracting(AuditCheckpoint::seq).containsExactly(2L, 4L);
        assertThat(checkpoints.get(0).keyId()).isEqualTo("checkpoint-1");
        assertThat(checkpoints.get(0).entryHash()).isEqualTo(store.range(2, 2).get(0).entryHash());
    }

    @Test
    void rangeStartsAtNearestCheckpoint() {
        ChainVerification result = new ChainVerifier(store, CHECKPOINT_KEY).verify(3L, 5L);

        assertThat(result.valid()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(4);
        assertThat(result.checkpointsChecked()).isEqualTo(2);
        assertThat(result.lastCheckpointSeq()).isEqualTo(4L);
    }

    @Test
    void reversedRangeIsRejected() {
        ChainVerifier verifier = new ChainVerifier(store, CHECKPOINT_KEY);

        assertThatThrownBy(() -> verifier.verify(4L, 3L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forgedCheckpointSignatureIsInvalid() {
        AuditCheckpoint genuine = store.checkpoints(4, 4).get(0);
        InMemoryAuditTrailStore forged =
                copyWithCheckpoint(
                        new AuditCheckpoint(
                                genuine.seq(),
                                genuine.entryHash(),
                                genuine.signedAt(),
                                genuine.keyId(),
                                "0".repeat(64)));

        ChainVerification result = new ChainVerifier(forged, CHECKPOINT_KEY).verify(null, null);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSeq()).isEqualTo(4L);
    }

    @Test
    void truncatedTailIsInvalid() {
        store.remove(5);
        store.remove(4);

        // The head moves back to 3, but the checkpoint of entry 4 shows the trail was cut.
        ChainVerification result = new ChainVerifier(store, CHECKPOINT_KEY).verify(1L, 5L);

        assertThat(result.to()).isEqualTo(3);
        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSeq()).isEqualTo(4L);
    }

    @Test
    void rangeBeforeHeadIgnoresTail() {
        ChainVerification result = new ChainVerifier(store, CHECKPOINT_KEY).verify(1L, 3L);

        assertThat(result.valid()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(3);
    }

    @Test
    void alteredMiddleEntryBreaksChain() {
        AuditEntry original = store.range(3, 3).get(0);
        store.replace(
                new AuditEntry(
                        original.seq(),
                        original.eventId(),
                        original.occurredAt(),
                        original.recordedAt(),
                        original.actorPseudonym(),
                        original.actorRole(),
                        original.subjectPseudonym(),
                        original.category(),
                        original.action(),
                        original.resourceType(),
                        original.resourcePseudonym(),
                        original.purpose(),
                        original.legalBasis(),
                        "failure",
                        original.correlationId(),
                        original.traceId(),
                        original.privacyLevel(),
                        original.complianceFlags(),
                        original.details(),
                        original.prevHash(),
                        original.entryHash()));

        ChainVerification result = new ChainVerifier(store, CHECKPOINT_KEY).verify(null, null);

        assertThat(result.valid()).isFalse();
        assertThat(result.firstInvalidSeq()).isEqualTo(3L);
    }

    private InMemoryAuditTrailStore copyWithCheckpoint(AuditCheckpoint replacement) {
        InMemoryAuditTrailStore copy = new InMemoryAuditTrailStore();
        for (AuditEntry entry : store.all()) {
            copy.append(head -> entry);
        }
        for (AuditCheckpoint checkpoint : store.checkpoints(1, Long.MAX_VALUE)) {
            copy.saveCheckpoint(checkpoint.seq() == replacement.seq() ? replacement : checkpoint);
        }
        return copy;
    }
}
