package dev.scribe.writinganalysis.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * The stored decision of one subject for one consent purpose.
 *
 * @param purpose consent purpose, for example {@code ai_analysis}, {@code progress_tracking} or
 *     {@code research}
 * @param granted whether consent was given; false for a refusal
 * @param withdrawn whether a given consent was later withdrawn
 * @param source who gave the decision
 * @param expiresAt end of validity, or null when it does not expire
 */
public record ConsentDecision(
        String purpose,
        boolean granted,
        boolean withdrawn,
        ConsentSource source,
        Instant expiresAt) {

    public ConsentDecision {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(source, "source");
    }

    /** Creates a granted, non-expiring consent given by the student. */
    public static ConsentDecision grantedByStudent(String purpose) {
        return new ConsentDecision(purpose, true, false, ConsentSource.STUDENT, null);
    }
}
