package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored reflection evaluation. The text itself is not part of the record yet.
 *
 * @param reflectionId UUID of the record
 * @param subjectId the student who wrote the reflection
 * @param assignmentId assignment, or null
 * @param overall overall quality score 0-100
 * @param dimensions dimension scores
 * @param sensitivityLevel level of the classifier for the reflection ({@code high} ... {@code
 *     none})
 * @param scorerVersion version of the scoring rules that produced the scores
 * @param createdAt creation time; decides the latest record and the insight bucket
 * @param textRedacted whether the scored text was the redacted text
 */
public record ReflectionRecord(
        String reflectionId,
        String subjectId,
        String assignmentId,
        int overall,
        DimensionScores dimensions,
        String sensitivityLevel,
        String scorerVersion,
        Instant createdAt,
        boolean textRedacted) {

    public ReflectionRecord {
        Objects.requireNonNull(reflectionId, "reflectionId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
