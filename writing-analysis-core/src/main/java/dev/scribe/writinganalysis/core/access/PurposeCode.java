package dev.scribe.writinganalysis.core.access;

import dev.scribe.writinganalysis.core.api.Role;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Declared purposes of processing, with the roles that may declare each one and its restriction. A
 * purpose never widens access; it only narrows it and is recorded in the audit trail.
 */
public enum PurposeCode {
    WRITING_IMPROVEMENT(
            Restriction.NONE, Role.STUDENT, Role.EDUCATOR, Role.ADMINISTRATOR, Role.SYSTEM),
    REFLECTION_ASSESSMENT(
            Restriction.NONE, Role.STUDENT, Role.EDUCATOR, Role.ADMINISTRATOR, Role.SYSTEM),
    STUDENT_PROGRESS_TRACKING(
            Restriction.NONE, Role.STUDENT, Role.EDUCATOR, Role.ADMINISTRATOR, Role.SYSTEM),
    LEARNING(Restriction.NONE, Role.STUDENT, Role.EDUCATOR, Role.ADMINISTRATOR, Role.SYSTEM),
    EDUCATIONAL_FEEDBACK(Restriction.NONE, Role.EDUCATOR, Role.ADMINISTRATOR, Role.SYSTEM),
    LEARNING_ANALYTICS(Restriction.NONE, Role.EDUCATOR, Role.ADMINISTRATOR, Role.SYSTEM),
    ASSIGNMENT_EVALUATION(Restriction.NONE, Role.EDUCATOR, Role.ADMINISTRATOR),
    CLASS_PERFORMANCE_ANALYSIS(
            Restriction.AGGREGATE_INSIGHTS_ONLY, Role.EDUCATOR, Role.ADMINISTRATOR),
    SELF_ASSESSMENT(Restriction.SELF_ACCESS_ONLY, Role.STUDENT),
    SELF_IMPROVEMENT(Restriction.SELF_ACCESS_ONLY, Role.STUDENT),
    RESEARCH(Restriction.AGGREGATE_INSIGHTS_ONLY, Role.RESEARCHER),
    PRIVACY_COMPLIANCE(Restriction.AUDIT_ONLY, Role.ADMINISTRATOR, Role.SYSTEM);

    /** The narrowing a purpose adds beyond its roles. */
    public enum Restriction {
        NONE,
        /** Only class or cohort insights. */
        AGGREGATE_INSIGHTS_ONLY,
        /** Only when the caller is the subject. */
        SELF_ACCESS_ONLY,
        /** Only the audit tool. */
        AUDIT_ONLY
    }

    private final Restriction restriction;
    private final Set<Role> roles;

    PurposeCode(Restriction restriction, Role first, Role... rest) {
        this.restriction = restriction;
        this.roles = EnumSet.of(first, rest);
    }

    /** Returns the wire code, for example {@code writing_improvement}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public Restriction restriction() {
        return restriction;
    }

    public boolean declarableBy(Role role) {
        return roles.contains(role);
    }

    /**
     * Normalises a declared purpose (lower-case, trim, each run of spaces and hyphens becomes
     * {@code _}) and looks it up.
     */
    public static Optional<PurposeCode> parse(String declared) {
        String normalized = normalize(declared);
        for (PurposeCode code : values()) {
            if (code.code().equals(normalized)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }

    /** Normalised form of a declared purpose; Unicode lower-casing, independent of the locale. */
    public static String normalize(String declared) {
        String lower = declared.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.replaceAll("[\\s\\-]+", "_");
    }
}
