package dev.scribe.writinganalysis.core.audit;

import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.port.AuditCheckpoint;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

/**
 * Appends entries to the audit chain: pseudonymises ids, links each entry to the chain head and
 * stores a signed checkpoint after every {@code checkpointInterval} entries when a checkpoint key
 * is configured.
 */
public final class AuditRecorder {

    private final AuditTrailStore store;
    private final Pseudonymizer pseudonymizer;
    private final Clock clock;
    private final String checkpointKeyId;
    private final SecretKeySpec checkpointKey;
    private final int checkpointInterval;

    public AuditRecorder(
            AuditTrailStore store,
            Pseudonymizer pseudonymizer,
            Clock clock,
            String checkpointKeyId,
            byte[] checkpointKey,
            int checkpointInterval) {
        this.store = store;
        this.pseudonymizer = pseudonymizer;
        this.clock = clock;
        this.checkpointKeyId = checkpointKeyId;
        this.checkpointKey =
                checkpointKey == null ? null : new SecretKeySpec(checkpointKey, "HmacSHA256");
        this.checkpointInterval = checkpointInterval;
    }

    /** Appends the record as the next chain entry and returns the stored entry. */
    public AuditEntry append(AuditRecord record, CallContext context) {
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant occurredAt = record.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        String eventId = UUID.randomUUID().toString();
        String subjectPseudonym = pseudonymizer.pseudonym(record.subjectId());

        AuditEntry stored =
                store.append(
                        head -> {
                            AuditEntry unhashed =
                                    new AuditEntry(
                                            head.seq() + 1,
                                            eventId,
                                            occurredAt,
                                            recordedAt,
                                            pseudonymizer.pseudonym(record.actorId()),
                                            record.actorRole(),
                                            subjectPseudonym,
                                            record.category(),
                                            record.action(),
                                            record.resourceType(),
                                            pseudonymizer.pseudonym(record.resourceId()),
                                            record.purpose(),
                                            record.legalBasis(),
                                            record.outcome(),
                                            context.correlationId(),
                                            context.traceId(),
                                            subjectPseudonym == null
                                                    ? "restricted"
                                                    : "confidential",
                                            record.complianceFlags(),
                                            record.details(),
                                            head.entryHash(),
                                            "");
                            return withHash(unhashed, AuditHashing.computeHash(unhashed));
                        });

        if (checkpointKey != null && stored.seq() % checkpointInterval == 0) {
            store.saveCheckpoint(checkpoint(stored.seq(), stored.entryHash(), recordedAt));
        }
        return stored;
    }

    AuditCheckpoint checkpoint(long seq, String entryHash, Instant signedAt) {
        return new AuditCheckpoint(
                seq, entryHash, signedAt, checkpointKeyId, sign(checkpointKey, seq, entryHash));
    }

    static String sign(SecretKeySpec key, long seq, String entryHash) {
        byte[] data = (seq + ":" + entryHash).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(Pseudonymizer.hmac(key, data));
    }

    static AuditEntry withHash(AuditEntry entry, String hash) {
        return new AuditEntry(
                entry.seq(),
                entry.eventId(),
                entry.occurredAt(),
                entry.recordedAt(),
                entry.actorPseudonym(),
                entry.actorRole(),
                entry.subjectPseudonym(),
                entry.category(),
                entry.action(),
                entry.resourceType(),
                entry.resourcePseudonym(),
                entry.purpose(),
                entry.legalBasis(),
                entry.outcome(),
                entry.correlationId(),
                entry.traceId(),
                entry.privacyLevel(),
                entry.complianceFlags(),
                entry.details(),
                entry.prevHash(),
                hash);
    }

    public Pseudonymizer pseudonymizer() {
        return pseudonymizer;
    }
}
