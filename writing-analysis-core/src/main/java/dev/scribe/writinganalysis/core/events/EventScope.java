package dev.scribe.writinganalysis.core.events;

/**
 * Envelope facts shared by the events of one call.
 *
 * @param courseId course, or null
 * @param assignmentId assignment, or null
 * @param consentVerified whether a consent check was made and passed
 * @param purposeCode declared purpose code, or null
 * @param retentionPeriodDays retention of the data class the events concern
 */
public record EventScope(
        String courseId,
        String assignmentId,
        boolean consentVerified,
        String purposeCode,
        int retentionPeriodDays) {

    /** Retention of writing content, in days. */
    public static final int WRITING_CONTENT_DAYS = 365;

    /** Retention of reflection records, in days. */
    public static final int REFLECTION_DAYS = 1095;

    /** Retention of writing-session snapshots, in days. */
    public static final int PROGRESS_DAYS = 730;

    /** Retention of cached differentially private results, in days. */
    public static final int ANALYTICS_DAYS = 365;

    /** Default retention of the audit trail, in days. */
    public static final int AUDIT_DAYS = 2555;
}
