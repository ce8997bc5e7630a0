package dev.scribe.writinganalysis.core.api;

import java.util.Locale;
import java.util.Optional;

/** Role of an authenticated caller, as carried in the token's {@code role} claim. */
public enum Role {
    STUDENT("student"),
    EDUCATOR("educator"),
    ADMINISTRATOR("administrator"),
    RESEARCHER("researcher"),
    SYSTEM("system");

    private final String toolName;

    Role(String toolName) {
        this.toolName = toolName;
    }

    /** Lower-case name used in tool inputs and outputs, for example {@code educator}. */
    public String toolName() {
        return toolName;
    }

    /**
     * Parses a role name as tool inputs write it; {@code admin} is accepted as an alias of {@code
     * administrator}. Matching ignores case.
     */
    public static Optional<Role> fromToolName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("admin")) {
            return Optional.of(ADMINISTRATOR);
        }
        for (Role role : values()) {
            if (role.toolName.equals(lower)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
