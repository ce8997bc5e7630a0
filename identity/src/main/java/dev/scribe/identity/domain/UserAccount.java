package dev.scribe.identity.domain;

import dev.scribe.platform.security.Role;
import java.util.List;

/** A user account as stored, with the courses the user belongs to. */
public record UserAccount(
        String id,
        String institution,
        Role role,
        long tokenVersion,
        String passwordHash,
        boolean active,
        List<String> courses) {

    public UserAccount {
        courses = List.copyOf(courses);
    }

    /** Leaves the id and the hash out, because neither may reach logs. */
    @Override
    public String toString() {
        return "UserAccount[role=" + role + ", active=" + active + "]";
    }
}
