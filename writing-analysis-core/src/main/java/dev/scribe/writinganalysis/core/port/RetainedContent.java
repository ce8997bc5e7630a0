package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * Metadata of writing content that a student asked to retain (data class {@code writing_content}).
 * The text is not part of the record until encryption at rest exists.
 *
 * @param contentId UUID of the record
 * @param subjectId the student
 * @param courseId course from the educational context, or null
 * @param assignmentId assignment from the educational context, or null
 * @param length length of the analysed text in UTF-16 code units
 * @param redacted whether the analysed text was the redacted text
 * @param createdAt storage time
 */
public record RetainedContent(
        String contentId,
        String subjectId,
        String courseId,
        String assignmentId,
        int length,
        boolean redacted,
        Instant createdAt) {

    public RetainedContent {
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(subjectId, "subjectId");
    }
}
