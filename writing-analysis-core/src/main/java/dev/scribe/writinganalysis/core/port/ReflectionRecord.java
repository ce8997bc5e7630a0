package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored reflection evaluation.
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
 * @param text the scored text, which the store keeps encrypted. Records read back for their scores
 *     have null here, because those reads do not load or decrypt the text
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
        boolean textRedacted,
        String text) {

    public ReflectionRecord {
        Objects.requireNonNull(reflectionId, "reflectionId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Creates a record without text, as reads of scores return it. */
    public ReflectionRecord(
            String reflectionId,
            String subjectId,
            String assignmentId,
            int overall,
            DimensionScores dimensions,
            String sensitivityLevel,
            String scorerVersion,
            Instant createdAt,
            boolean textRedacted) {
        this(
                reflectionId,
                subjectId,
                assignmentId,
                overall,
                dimensions,
                sensitivityLevel,
                scorerVersion,
                createdAt,
                textRedacted,
                null);
    }
}
