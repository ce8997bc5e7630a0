package dev.scribe.writinganalysis.core.boundaries;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import java.util.List;

/**
 * The decision on one AI-assistance request. {@code modifiedRequest} is present only when the
 * request is allowed; {@code reason} is the message of the first violation, or {@code ""}.
 */
public record BoundaryDecision(
        boolean allowed,
        @JsonInclude(JsonInclude.Include.NON_NULL) ModifiedRequest modifiedRequest,
        String reason,
        List<String> suggestions,
        List<String> boundariesApplied,
        List<Violation> violations,
        AccessLevel accessLevel,
        List<String> modifications) {

    public BoundaryDecision {
        suggestions = List.copyOf(suggestions);
        boundariesApplied = List.copyOf(boundariesApplied);
        violations = List.copyOf(violations);
        modifications = List.copyOf(modifications);
    }
}
