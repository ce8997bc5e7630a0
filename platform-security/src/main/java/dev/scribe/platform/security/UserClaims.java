package dev.scribe.platform.security;

import java.util.List;
import java.util.Objects;

/**
 * The identity facts that a user token or a user assertion carries: subject id, role, institution,
 * course memberships and token version.
 */
public record UserClaims(
        String subject, Role role, String institution, List<String> courses, long tokenVersion) {

    public UserClaims {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(institution, "institution");
        courses = courses == null ? List.of() : List.copyOf(courses);
    }

    /** Leaves the subject id out, because a raw user id must not reach logs. */
    @Override
    public String toString() {
        return "UserClaims[role=" + role + ", courses=" + courses.size() + "]";
    }
}
