package dev.scribe.writinganalysis.core.audit;

import dev.scribe.writinganalysis.core.port.AuditCheckpoint;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import dev.scribe.writinganalysis.core.port.ChainHead;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes the audit chain over a range, starting at the nearest checkpoint at or before the
 * range start (or at entry 1), so a range can be checked without reading the whole trail.
 */
public final class ChainVerifier {

    private final AuditTrailStore store;
    private final SecretKeySpec checkpointKey;

    /** {@code checkpointKey} may be null; checkpoint signatures are then not checked. */
    public ChainVerifier(AuditTrailStore store, byte[] checkpointKey) {
        this.store = store;
        this.checkpointKey =
                checkpointKey == null ? null : new SecretKeySpec(checkpointKey, "HmacSHA256");
    }

    /**
     * Verifies entries {@code from..to}; a null bound defaults to 1 or to the current head, and
     * {@code to} is capped at the head.
     *
     * @throws IllegalArgumentException if both bounds are given and {@code from > to}
     */
    public ChainVerification verify(Long from, Long to) {
        if (from != null && to != null && from > to) {
            throw new IllegalArgumentException("from " + from + " exceeds to " + to);
        }

        ChainHead head = store.head();
        long first = from == null ? 1 : from;
        long last = to == null ? head.seq() : Math.min(to, head.seq());

        AuditCheckpoint anchor = first > 1 ? store.latestCheckpointAtOrBefore(first) : null;
        AuditCheckpoint latest = store.latestCheckpointAtOrBefore(last);
        Long lastCheckpointSeq = latest == null ? null : latest.seq();
        if (first > last) {
            return new ChainVerification(first, last, 0, 0, true, null, lastCheckpointSeq);
        }

        long start = anchor == null ? 1 : anchor.seq();
        Map<Long, AuditCheckpoint> checkpoints = new HashMap<>();
        for (AuditCheckpoint checkpoint : store.checkpoints(start, last)) {
            checkpoints.put(checkpoint.seq(), checkpoint);
        }

        List<AuditEntry> entries = store.range(start, last);
        long expectedSeq = start;
        String expectedPrev = start == 1 ? ChainHead.GENESIS_HASH : null;
        long checked = 0;
        long checkpointsChecked = 0;
        Long invalid = null;
        for (AuditEntry entry : entries) {
            checked++;
            if (entry.seq() != expectedSeq) {
                invalid = expectedSeq;
                break;
            }
            if (expectedPrev != null && !expectedPrev.equals(entry.prevHash())) {
                invalid = entry.seq();
                break;
            }
            String recomputed = AuditHashing.computeHash(entry);
            if (!recomputed.equals(entry.entryHash())) {
                invalid = entry.seq();
                break;
            }
            AuditCheckpoint checkpoint = checkpoints.get(entry.seq());
            if (checkpoint != null) {
                checkpointsChecked++;
                if (!checkpointMatches(checkpoint, recomputed)) {
                    invalid = entry.seq();
                    break;
                }
            }
            expectedPrev = entry.entryHash();
            expectedSeq++;
        }
        if (invalid == null && expectedSeq <= last) {
            invalid = expectedSeq;
        }
        if (invalid == null && (to == null || to > head.seq()) && truncatedAfter(head)) {
            invalid = head.seq() + 1;
        }
        return new ChainVerification(
                first,
                last,
                checked,
                checkpointsChecked,
                invalid == null,
                invalid,
                lastCheckpointSeq);
    }

    /** Detects a trail cut after its head: a checkpoint names an entry beyond the head. */
    private boolean truncatedAfter(ChainHead head) {
        AuditCheckpoint newest = store.latestCheckpointAtOrBefore(Long.MAX_VALUE);
        return newest != null && newest.seq() > head.seq();
    }

    private boolean checkpointMatches(AuditCheckpoint checkpoint, String entryHash) {
        if (!checkpoint.entryHash().equals(entryHash)) {
            return false;
        }
        if (checkpointKey == null) {
            return true;
        }
        String expected =
                AuditRecorder.sign(checkpointKey, checkpoint.seq(), checkpoint.entryHash());
        return java.security.MessageDigest.isEqual(
                expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                checkpoint.signature().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
