package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.port.AuditCheckpoint;
import dev.scribe.writinganalysis.core.port.AuditEntry;
import dev.scribe.writinganalysis.core.port.AuditTrailStore;
import dev.scribe.writinganalysis.core.port.ChainHead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Audit trail kept in memory. Appends are serialised by the instance lock, like the chain-head row
 * lock of a database implementation. {@link #replace} lets tests tamper with stored entries.
 */
public final class InMemoryAuditTrailStore implements AuditTrailStore {

    private final List<AuditEntry> entries = new ArrayList<>();
    private final List<AuditCheckpoint> checkpoints = new ArrayList<>();
    private boolean failing;

    @Override
    public synchronized AuditEntry append(Function<ChainHead, AuditEntry> builder) {
        if (failing) {
            throw new IllegalStateException("audit trail unreachable (simulated)");
        }
        ChainHead head = head();
        AuditEntry entry = builder.apply(head);
        if (entry.seq() != head.seq() + 1 || !entry.prevHash().equals(head.entryHash())) {
            throw new IllegalStateException("entry does not continue the chain head");
        }
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized ChainHead head() {
        if (entries.isEmpty()) {
            return ChainHead.EMPTY;
        }
        AuditEntry last = entries.get(entries.size() - 1);
        return new ChainHead(last.seq(), last.entryHash());
    }

    @Override
    public synchronized List<AuditEntry> range(long from, long to) {
        return entries.stream().filter(e -> e.seq() >= from && e.seq() <= to).toList();
    }

    @Override
    public synchronized List<AuditEntry> byActor(String actorPseudonym, Instant from, Instant to) {
        return entries.stream()
                .filter(e -> Objects.equals(e.actorPseudonym(), actorPseudonym))
                .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to))
                .toList();
    }

    @Override
    public synchronized List<AuditEntry> bySubject(
            String subjectPseudonym, Instant from, Instant to) {
        return entries.stream()
                .filter(e -> Objects.equals(e.subjectPseudonym(), subjectPseudonym))
                .filter(e -> !e.occurredAt().isBefore(from) && e.occurredAt().isBefore(to))
                .toList();
    }

    @Override
    public synchronized void saveCheckpoint(AuditCheckpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    @Override
    public synchronized List<AuditCheckpoint> checkpoints(long from, long to) {
        return checkpoints.stream().filter(c -> c.seq() >= from && c.seq() <= to).toList();
    }

    @Override
    public synchronized AuditCheckpoint latestCheckpointAtOrBefore(long atOrBefore) {
        AuditCheckpoint result = null;
        for (AuditCheckpoint checkpoint : checkpoints) {
            if (checkpoint.seq() <= atOrBefore
                    && (result == null || checkpoint.seq() > result.seq())) {
                result = checkpoint;
            }
        }
        return result;
    }

    /** Returns all entries in chain order. */
    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }

    /** Overwrites the stored entry with the same seq, bypassing the chain (tamper simulation). */
    public synchronized void replace(AuditEntry tampered) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).seq() == tampered.seq()) {
                entries.set(i, tampered);
                return;
            }
        }
        throw new IllegalArgumentException("no entry with seq " + tampered.seq());
    }

    /** Removes the entry with the given seq, leaving a gap (tamper simulation). */
    public synchronized void remove(long seq) {
        entries.removeIf(e -> e.seq() == seq);
    }

    public synchronized InMemoryAuditTrailStore failing(boolean failing) {
        this.failing = failing;
        return this;
    }
}
