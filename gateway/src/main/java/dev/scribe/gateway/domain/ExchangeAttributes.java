package dev.scribe.gateway.domain;

/** Names of the exchange attributes through which the gateway's filters pass values on. */
public final class ExchangeAttributes {

    /** The correlation id of the request (a {@code String}), set before any other filter runs. */
    public static final String CORRELATION_ID = "dev.scribe.gateway.correlationId";

    /** The verified identity of the caller (a {@code UserClaims}), absent on public routes. */
    public static final String USER_CLAIMS = "dev.scribe.gateway.userClaims";

    /**
     * Addresses ({@code host:port}) of the upstream instances to which the connection failed during
     * this request (a {@code Set<String>}). The load balancer skips them on a retry.
     */
    public static final String FAILED_INSTANCES = "dev.scribe.gateway.failedInstances";

    /**
     * Address ({@code host:port}) of the instance that issued the request's MCP session (a {@code
     * String}). The load balancer chooses only this instance, and none when it is gone.
     */
    public static final String MCP_SESSION_INSTANCE = "dev.scribe.gateway.mcpSessionInstance";

    private ExchangeAttributes() {}
}
