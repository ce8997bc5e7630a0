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

    /**
     * Creates an {@code INVALID_ARGUMENT} error for a schema or semantic violation of one field.
     */
    public static ToolException invalid(String field, String rule, String rejectedValue) {
        return new ToolException(
                ErrorCode.INVALID_ARGUMENT,
                "The request is invalid: see the details.",
                null,
                List.of(new Violation(field, rule, rejectedValue)));
    }

    /**
     * Creates a {@code PAYLOAD_TOO_LARGE} error for a string over its maximum length or a body over
     * 1 MiB.
     */
    public static ToolException tooLarge(String field, String rule, String rejectedValue) {
        return new ToolException(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "The request exceeds a size limit: see the details.",
                null,
                List.of(new Violation(field, rule, rejectedValue)));
    }

    /**
     * Creates a {@code FORBIDDEN} error: a role, relationship, purpose or justification rule denies
     * the request.
     */
    public static ToolException forbidden(String reason) {
        return new ToolException(
                ErrorCode.FORBIDDEN,
                "The caller is not allowed to perform this operation.",
                reason,
                List.of(new Violation(null, reason, null)));
    }

    /**
     * Creates a {@code NOT_FOUND} error for a resource that does not exist or lies outside the
     * institution.
     */
    public static ToolException notFound(String field) {
        return new ToolException(
                ErrorCode.NOT_FOUND,
                "The requested resource was not found.",
                "NOT_FOUND",
                List.of(new Violation(field, "NOT_FOUND", null)));
    }

    /**
     * Creates a {@code CONSENT_REQUIRED} error: the subject's stored consent does not cover the
     * processing.
     */
    public static ToolException consentRequired(String consentPurpose, String verificationResult) {
        return new ToolException(
                ErrorCode.CONSENT_REQUIRED,
                "The student's consent does not cover this processing.",
                "CONSENT_" + verificationResult.toUpperCase(java.util.Locale.ROOT),
                List.of(new Violation(null, "consent " + consentPurpose, verificationResult)));
    }

    /**
     * Creates an {@code IDENTITY_MISMATCH} error for an identity field that differs from the
     * caller.
     */
    public static ToolException identityMismatch(String field) {
        return new ToolException(
                ErrorCode.IDENTITY_MISMATCH,
                "An identity field of the request does not match the authenticated caller.",
                "IDENTITY_MISMATCH",
                List.of(new Violation(field, "must equal the authenticated caller", null)));
    }

    /** Creates a {@code CONFLICT} error: a session owned by another student or a stale snapshot. */
    public static ToolException conflict(String reason, String field) {
        return new ToolException(
                ErrorCode.CONFLICT,
                "The request conflicts with stored data.",
                reason,
                List.of(new Violation(field, reason, null)));
    }

    /**
     * Creates an {@code UNAVAILABLE} error because a dependency needed for a safe result is
     * unreachable.
     */
    public static ToolException unavailable(String reason) {
        return new ToolException(
                ErrorCode.UNAVAILABLE,
                "A dependency of the service is unavailable; retry later.",
                reason,
                List.of(new Violation(null, reason, null)));
    }

    /** Creates an {@code INSUFFICIENT_GROUP_SIZE} error that does not reveal the group size. */
    public static ToolException insufficientGroupSize() {
        return new ToolException(
                ErrorCode.INSUFFICIENT_GROUP_SIZE,
                "The group is too small for a privacy-protected answer.",
                "INSUFFICIENT_GROUP_SIZE",
                List.of(new Violation("targetId", "INSUFFICIENT_GROUP_SIZE", null)));
    }

    /**
     * Creates a {@code PRIVACY_BUDGET_EXHAUSTED} error: the target's budget cannot pay for a
     * release.
     */
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
