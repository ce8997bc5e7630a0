package dev.scribe.cli.token;

import dev.scribe.cli.UsageException;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.UserClaims;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo users that the embedded profile of the services seeds, with the claims their dev tokens
 * carry. All belong to institution {@code inst-demo}; the students and the educator list the course
 * {@code course-demo-101}, the administrator and the researcher list no course. The token version
 * is 1 for everyone, matching the seeded accounts.
 */
public final class DemoUsers {

    public static final String INSTITUTION = "inst-demo";
    public static final String COURSE = "course-demo-101";
    public static final long TOKEN_VERSION = 1;

    /** The user {@code token} picks when neither a role nor a user id is given. */
    public static final String DEFAULT_USER = "student-demo";

    private static final Map<String, UserClaims> USERS = buildUsers();

    /** The user picked by {@code --role}: the first seeded user of that role. */
    private static final Map<Role, String> USER_BY_ROLE =
            Map.of(
                    Role.STUDENT, "student-demo",
                    Role.EDUCATOR, "educator-demo",
                    Role.ADMINISTRATOR, "admin-demo",
                    Role.RESEARCHER, "researcher-demo");

    private static final List<String> ROLE_NAMES =
            List.of("student", "educator", "administrator", "researcher");

    private DemoUsers() {}

    private static Map<String, UserClaims> buildUsers() {
        Map<String, UserClaims> users = new LinkedHashMap<>();
        List<String> course = List.of(COURSE);

        addUser(users, "student-demo", Role.STUDENT, course);
        for (int i = 2; i <= 6; i++) {
            addUser(users, "student-demo-" + i, Role.STUDENT, course);
        }
        addUser(users, "educator-demo", Role.EDUCATOR, course);
        addUser(users, "admin-demo", Role.ADMINISTRATOR, List.of());
        addUser(users, "researcher-demo", Role.RESEARCHER, List.of());
        return Map.copyOf(users);
    }

    private static void addUser(
            Map<String, UserClaims> users, String id, Role role, List<String> courses) {
        users.put(id, new UserClaims(id, role, INSTITUTION, courses, TOKEN_VERSION));
    }

    /** Returns the ids of all demo users, students first. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>(USERS.keySet());
        ids.sort(
                (a, b) -> {
                    int byRole = USERS.get(a).role().compareTo(USERS.get(b).role());
                    return byRole != 0 ? byRole : a.compareTo(b);
                });
        return ids;
    }

    /**
     * Returns the claims of the demo user with this id.
     *
     * @throws UsageException when no demo user has this id
     */
    public static UserClaims byId(String id) {
        UserClaims claims = USERS.get(id);
        if (claims == null) {
            throw new UsageException(
                    "Unknown demo user (id of "
                            + id.length()
                            + " characters); known users: "
                            + String.join(", ", ids()));
        }
        return claims;
    }

    /**
     * Returns the claims of the demo user of a role, given case-insensitively as {@code student},
     * {@code educator}, {@code administrator} (or its alias {@code admin}) or {@code researcher}.
     *
     * @throws UsageException for any other role name
     */
    public static UserClaims byRole(String roleName) {
        String normalized = roleName.trim().toUpperCase(Locale.ROOT);
        if (normalized.equals("ADMIN")) {
            normalized = Role.ADMINISTRATOR.name();
        }

        Role role;
        try {
            role = Role.valueOf(normalized);
        } catch (IllegalArgumentException e) {
            role = null;
        }
        String userId = role == null ? null : USER_BY_ROLE.get(role);
        if (userId == null) {
            throw new UsageException(
                    "Unknown role '"
                            + roleName
                            + "'; use one of: "
                            + String.join(", ", ROLE_NAMES));
        }
        return USERS.get(userId);
    }
}
