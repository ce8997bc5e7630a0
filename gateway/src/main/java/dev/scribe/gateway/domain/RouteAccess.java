package dev.scribe.gateway.domain;

import dev.scribe.platform.security.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The access rule of a route: open to anyone ({@code public}), to any authenticated user ({@code
 * user}) or to users with one of the listed roles ({@code role:EDUCATOR,ADMINISTRATOR}).
 *
 * @param authenticated whether the route needs a valid bearer token
 * @param roles the roles allowed in, or all roles when the route is open to every user
 */
public record RouteAccess(boolean authenticated, Set<Role> roles) {

    /** Route metadata key under which a route carries its access rule in text form. */
    public static final String METADATA_KEY = "platform-auth";

    private static final String ROLE_PREFIX = "role:";

    public RouteAccess {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /**
     * Parses {@code public}, {@code user} or {@code role:<ROLE>[,<ROLE>...]}.
     *
     * @throws IllegalArgumentException for any other text or an unknown role
     */
    public static RouteAccess parse(String text) {
        String value = text == null ? "" : text.trim();
        if (value.equals("public")) {
            return new RouteAccess(false, EnumSet.noneOf(Role.class));
        }
        if (value.equals("user")) {
            return new RouteAccess(true, EnumSet.allOf(Role.class));
        }
        if (value.startsWith(ROLE_PREFIX) && value.length() > ROLE_PREFIX.length()) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String name : value.substring(ROLE_PREFIX.length()).split(",")) {
                roles.add(parseRole(name.trim(), value));
            }
            return new RouteAccess(true, roles);
        }
        throw new IllegalArgumentException(
                "Invalid auth value '"
                        + value
                        + "': expected public, user or role:<ROLE>[,<ROLE>...]");
    }

    private static Role parseRole(String name, String text) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Invalid auth value '"
                            + text
                            + "': unknown role '"
                            + name
                            + "', expected one of "
                            + Arrays.toString(Role.values()),
                    e);
        }
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
