package dev.scribe.writinganalysis.core.api;

import java.util.Objects;

/**
 * One rule that a request breaks.
 *
 * @param field JSON path of the field, for example {@code options.includeStructure}, or null when
 *     the rule concerns the request as a whole
 * @param rule the rule, for example {@code maxLength 100000} or {@code UNKNOWN_PURPOSE}
 * @param rejectedValue safe rendering of the rejected value (a length, an enum value, a number), or
 *     null; never free text or an id
 */
public record Violation(String field, String rule, String rejectedValue) {

    public Violation {
        Objects.requireNonNull(rule, "rule");
    }

    /** Text of the error detail's {@code problem}: the rule, then the rejected value if any. */
    public String problem() {
        return rejectedValue == null ? rule : rule + "; rejected value: " + rejectedValue;
    }
}
