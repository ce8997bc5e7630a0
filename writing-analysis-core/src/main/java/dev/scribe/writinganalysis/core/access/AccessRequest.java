package dev.scribe.writinganalysis.core.access;

import dev.scribe.writinganalysis.core.api.Operation;
import java.util.Objects;

/**
 * Summary of a request as far as the access rules and the audit entry of a denial need it.
 *
 * @param operation the operation
 * @param subjectId the student concerned, or null (aggregates, tools without a subject)
 * @param resourceType data type recorded in audit entries, for example {@code writing_patterns}
 * @param purpose declared purpose, or null for operations without one
 * @param accessType {@code read}, {@code write}, {@code analyze} or {@code share}
 * @param courseId course from the request, or null
 * @param assignmentId assignment from the request, or null
 */
public record AccessRequest(
        Operation operation,
        String subjectId,
        String resourceType,
        PurposeCode purpose,
        String accessType,
        String courseId,
        String assignmentId) {

    public AccessRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(accessType, "accessType");
    }

    public String purposeCode() {
        return purpose == null ? null : purpose.code();
    }
}
