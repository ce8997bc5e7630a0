package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of writing-session snapshots; one row per session, replaced by each new snapshot. */
public interface WritingSessionStore {

    /**
     * The session, or empty when it was never recorded. Implementations lock the row if they can.
     */
    Optional<WritingSession> find(String sessionId);

    /** Inserts or replaces the snapshot of {@code session.sessionId()}. */
    void save(WritingSession session);

    /** Sessions of the subject, for the assignment when {@code assignmentId} is not null. */
    List<WritingSession> ofSubject(String subjectId, String assignmentId);

    /** Sessions of the given subjects whose {@code updatedAt} lies in {@code [from, to)}. */
    List<WritingSession> updatedBetween(Collection<String> subjectIds, Instant from, Instant to);
}
