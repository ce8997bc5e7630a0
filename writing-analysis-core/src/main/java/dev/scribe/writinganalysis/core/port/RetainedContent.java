package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * Writing content that a student asked to retain (data class {@code writing_content}).
 *
 * @param contentId UUID of the record
 * @param subjectId the student
 * @param courseId course from the educational context, or null
 * @param assignmentId assignment from the educational context, or null
 * @param length length of the analysed text in UTF-16 code units
 * @param redacted whether the analysed text was the redacted text
 * @param createdAt storage time
 * @param content the analysed text, which the store keeps encrypted, or null when only the metadata
 *     is at hand
 */
public record RetainedContent(
        String contentId,
        String subjectId,
        String courseId,
        String assignmentId,
        int length,
        boolean redacted,
        Instant createdAt,
        String content) {

    public RetainedContent {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(subjectId, "subjectId");
    }

    /** Creates the metadata of a record without its text. */
    public RetainedContent(
            String contentId,
            String subjectId,
            String courseId,
            String assignmentId,
            int length,
            boolean redacted,
            Instant createdAt) {
        this(contentId, subjectId, courseId, assignmentId, length, redacted, createdAt, null);
    }
}
