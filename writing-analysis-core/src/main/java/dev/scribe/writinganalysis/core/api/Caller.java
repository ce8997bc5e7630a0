package dev.scribe.writinganalysis.core.api;

import java.util.List;
import java.util.Objects;

/**
 * The authenticated identity of a call, taken only from verified tokens and never from a request
 * body.
 *
 * @param id user or client id ({@code sub} claim)
 * @param role token role
 * @param institutionId institution of the caller ({@code inst} claim); null for system identities
 *     without an institution
 * @param courseIds courses named in the token ({@code courses} claim); informational, relationships
 *     are always read from the course directory
 * @param tokenVersion token version ({@code tv} claim)
 */
public record Caller(
        String id, Role role, String institutionId, List<String> courseIds, long tokenVersion) {

    public Caller {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        courseIds = courseIds == null ? List.of() : List.copyOf(courseIds);
    }
}
