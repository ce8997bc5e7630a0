package dev.scribe.platform.security;

import java.time.Duration;

/**
 * Constants of service tokens: the client-credential JWTs that identity issues to services, whose
 * {@code sub} is the calling service and whose {@code aud} is the target service.
 */
public final class ServiceTokens {

    /** Scope that lets a caller use a service's MCP endpoint. */
    public static final String SCOPE_MCP_INVOKE = "mcp:invoke";

    /** Scope that lets a caller use a service's HTTP API under {@code /api} and {@code /admin}. */
    public static final String SCOPE_API_INVOKE = "api:invoke";

    /** Claim that lists the granted scopes: a JSON array (identity) or a space-separated string. */
    public static final String SCOPE_CLAIM = "scope";

    /** Service tokens expire 5 minutes after they were issued. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private ServiceTokens() {}
}
