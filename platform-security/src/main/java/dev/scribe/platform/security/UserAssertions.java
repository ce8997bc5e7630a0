package dev.scribe.platform.security;

import java.time.Duration;

/**
 * Constants of the user assertion: the JWT that the gateway signs and sends to services in place of
 * the user's own token, so that services learn the caller only from a party they trust.
 */
public final class UserAssertions {

    public static final String HEADER = "X-User-Assertion";
    public static final String ISSUER = "gateway";
    public static final String AUDIENCE = "internal";

    /** Assertions expire at most 120 seconds after they were signed. */
    public static final Duration LIFETIME = Duration.ofSeconds(120);

    private UserAssertions() {}
}
