package dev.scribe.writinganalysis.core.sensitivity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;

/**
 * The result of classifying one text. {@code redactedContent} is always computed; {@code
 * redactedElementCount} is the number of elements it replaced and is not part of the tool output.
 */
public record Classification(
        SensitivityLevel sensitivityLevel,
        BigDecimal sensitivityScore,
        List<SensitiveElement> sensitiveElements,
        List<String> recommendations,
        String redactedContent,
        boolean manualReviewRequired,
        @JsonIgnore int redactedElementCount) {

    public Classification {
        sensitiveElements = List.copyOf(sensitiveElements);
        recommendations = List.copyOf(recommendations);
    }

    /** Tests whether redaction replaced at least one element. */
    @JsonIgnore
    public boolean redacted() {
        return redactedElementCount > 0;
    }
}
