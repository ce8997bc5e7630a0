package dev.scribe.platform.security;

import java.util.Objects;
import java.util.Set;

/**
 * The facts a verified service token carries: the calling service ({@code sub}) and the granted
 * scopes.
 */
public record ServiceClaims(String subject, Set<String> scopes) {

    public ServiceClaims {
        Objects.requireNonNull(subject, "subject");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
