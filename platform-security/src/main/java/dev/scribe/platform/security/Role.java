package dev.scribe.platform.security;

/**
 * Roles carried in tokens. User accounts have one of the first four; {@code SYSTEM} exists only for
 * service identities and never appears in a user token.
 */
public enum Role {
    STUDENT,
    EDUCATOR,
    ADMINISTRATOR,
    RESEARCHER,
    SYSTEM;

    /** Parses a token role claim, which tokens carry in upper case. */
    public static Role fromClaim(String claim) {
        if (claim == null) {
            throw new IllegalArgumentException("Missing role claim");
        }
        return Role.valueOf(claim);
    }
}
