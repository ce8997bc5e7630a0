package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest stored snapshot of one writing session, at reduced precision.
 *
 * @param sessionId writing-session id
 * @param subjectId owning student
 * @param assignmentId assignment set by the first snapshot, or null
 * @param wordCount words, rounded to the configured precision
 * @param timeSpent seconds, rounded to the configured precision
 * @param revisions revisions, unchanged
 * @param createdAt time of the first snapshot
 * @param updatedAt time of the latest snapshot; decides the insight bucket
 */
public record WritingSession(
        String sessionId,
        String subjectId,
        String assignmentId,
        int wordCount,
        int timeSpent,
        int revisions,
        Instant createdAt,
        Instant updatedAt) {

    public WritingSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
