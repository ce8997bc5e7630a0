package dev.scribe.writinganalysis.core.api;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import java.util.List;
import java.util.Objects;

/**
 * Typed failure of an operation: the platform error code, a fixed English message that never quotes
 * input, and the violated rules.
 *
 * <p>A denial ({@code FORBIDDEN}, {@code CONSENT_REQUIRED}, {@code IDENTITY_MISMATCH}) has already
 * written its audit entry and events when this exception is thrown, so the caller commits the
 * transaction for this exception and rolls back for any other.
 */
public final class ToolException extends RuntimeException {

    private final ErrorCode code;
    private final String reason;
    private final List<Violation> violations;

    public ToolException(
            ErrorCode code, String message, String reason, List<Violation> violations) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.reason = reason;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** Schema or semantic violation of one field ({@code INVALID_ARGUMENT}). */
    public static ToolException invalid(String field, String rule, String rejectedValue) {
        return new ToolException(
                ErrorCode.INVALID_ARGUMENT,
                "The request is invalid: see the details.",
                null,
                List.of(new Violation(field, rule, rejectedValue)));
    }

    /** A string over its maximum length or a body over 1 MiB ({@code PAYLOAD_TOO_LARGE}). */
    public static ToolException tooLarge(String field, String rule, String rejectedValue) {
        return new ToolException(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "The request exceeds a size limit: see the details.",
                null,
                List.of(new Violation(field, rule, rejectedValue)));
    }

    /** A role, relationship, purpose or justification rule denies the request. */
    public static ToolException forbidden(String reason) {
        return new ToolException(
                ErrorCode.FORBIDDEN,
                "The caller is not allowed to perform this operation.",
                reason,
                List.of(new Violation(null, reason, null)));
    }

    /**
     * A resource the caller would be entitled to does not exist or lies outside the institution.
     */
    public static ToolException notFound(String field) {
        return new ToolException(
                ErrorCode.NOT_FOUND,
                "The requested resource was not found.",
                "NOT_FOUND",
                List.of(new Violation(field, "NOT_FOUND", null)));
    }

    /** The subject's stored consent does not cover this processing. */
    public static ToolException consentRequired(String consentPurpose, String verificationResult) {
        return new ToolException(
                ErrorCode.CONSENT_REQUIRED,
                "The student's consent does not cover this processing.",
                "CONSENT_" + verificationResult.toUpperCase(java.util.Locale.ROOT),
                List.of(new Violation(null, "consent " + consentPurpose, verificationResult)));
    }

    /** An identity field of the body differs from the authenticated caller. */
    public static ToolException identityMismatch(String field) {
        return new ToolException(
                ErrorCode.IDENTITY_MISMATCH,
                "An identity field of the request does not match the authenticated caller.",
                "IDENTITY_MISMATCH",
                List.of(new Violation(field, "must equal the authenticated caller", null)));
    }

    /** Writing session owned by another student, or a stale progress snapshot. */
    public static ToolException conflict(String reason, String field) {
        return new ToolException(
                ErrorCode.CONFLICT,
                "The request conflicts with stored data.",
                reason,
                List.of(new Violation(field, reason, null)));
    }

    /** A dependency needed for a safe answer is unreachable; the request is refused. */
    public static ToolException unavailable(String reason) {
        return new ToolException(
                ErrorCode.UNAVAILABLE,
                "A dependency of the service is unavailable; retry later.",
                reason,
                List.of(new Violation(null, reason, null)));
    }

    /** The real group is below its minimum size; the size itself is not revealed. */
    public static ToolException insufficientGroupSize() {
        return new ToolException(
                ErrorCode.INSUFFICIENT_GROUP_SIZE,
                "The group is too small for a privacy-protected answer.",
                "INSUFFICIENT_GROUP_SIZE",
                List.of(new Violation("targetId", "INSUFFICIENT_GROUP_SIZE", null)));
    }

    /** The target's differential-privacy budget cannot pay for a new release. */
    public static ToolException budgetExhausted() {
        return new ToolException(
                ErrorCode.PRIVACY_BUDGET_EXHAUSTED,
                "The privacy budget of this target is exhausted.",
                "PRIVACY_BUDGET_EXHAUSTED",
                List.of(new Violation("targetId", "PRIVACY_BUDGET_EXHAUSTED", null)));
    }

    public ErrorCode code() {
        return code;
    }

    /**
     * Detail code of the denial, for example {@code PURPOSE_NOT_PERMITTED}, {@code
     * JUSTIFICATION_REQUIRED} or {@code STALE_SNAPSHOT}; null for plain schema violations.
     */
    public String reason() {
        return reason;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** JSON path of the first violated field, or null. */
    public String field() {
        return violations.isEmpty() ? null : violations.get(0).field();
    }

    /** First violated rule, or null. */
    public String rule() {
        return violations.isEmpty() ? null : violations.get(0).rule();
    }

    /** Safe rendering of the first rejected value, or null. */
    public String rejectedValue() {
        return violations.isEmpty() ? null : violations.get(0).rejectedValue();
    }

    /** Details for the platform error body, one per violation. */
    public List<ErrorDetail> details() {
        return violations.stream().map(v -> new ErrorDetail(v.field(), v.problem())).toList();
    }
}
