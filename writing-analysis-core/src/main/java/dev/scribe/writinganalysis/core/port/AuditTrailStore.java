package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The append-only audit trail with its hash chain. Appends are serialised: an implementation takes
 * the chain-head lock, passes the current head to the engine, stores the entry the engine built
 * from it and releases the lock when the transaction ends.
 */
public interface AuditTrailStore {

    /**
     * Appends one entry under the chain-head lock. {@code builder} receives the current head and
     * returns the complete entry with {@code seq = head.seq() + 1} and {@code prevHash =
     * head.entryHash()}; the implementation stores it unchanged and returns it.
     */
    AuditEntry append(Function<ChainHead, AuditEntry> builder);

    /** The current head, {@link ChainHead#EMPTY} for an empty trail. */
    ChainHead head();

    /** Entries with {@code from <= seq <= to}, ordered by {@code seq}. */
    List<AuditEntry> range(long from, long to);

    /** Entries of the actor whose {@code occurredAt} lies in {@code [from, to)}. */
    List<AuditEntry> byActor(String actorPseudonym, Instant from, Instant to);

    /** Entries about the subject whose {@code occurredAt} lies in {@code [from, to)}. */
    List<AuditEntry> bySubject(String subjectPseudonym, Instant from, Instant to);

    void saveCheckpoint(AuditCheckpoint checkpoint);

    /** Checkpoints with {@code from <= seq <= to}, ordered by {@code seq}. */
    List<AuditCheckpoint> checkpoints(long from, long to);

    /** The latest checkpoint with {@code seq <= atOrBefore}, or null when there is none. */
    AuditCheckpoint latestCheckpointAtOrBefore(long atOrBefore);
}
