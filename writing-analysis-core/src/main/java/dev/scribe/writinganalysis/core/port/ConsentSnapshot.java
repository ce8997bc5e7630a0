package dev.scribe.writinganalysis.core.port;

import java.util.Map;
import java.util.Optional;

/**
 * The consent decisions of one subject for the purposes that were asked for.
 *
 * @param subjectAge age of the subject in years, or null when unknown (treated as an adult)
 * @param decisions decisions by purpose; a purpose without a stored decision is absent
 */
public record ConsentSnapshot(Integer subjectAge, Map<String, ConsentDecision> decisions) {

    public ConsentSnapshot {
        decisions = decisions == null ? Map.of() : Map.copyOf(decisions);
    }

    public Optional<ConsentDecision> decision(String purpose) {
        return Optional.ofNullable(decisions.get(purpose));
    }
}
