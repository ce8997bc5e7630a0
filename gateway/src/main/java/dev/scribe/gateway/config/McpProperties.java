package dev.scribe.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public MCP endpoints under {@code platform.gateway.mcp}.
 *
 * @param publicBaseUrl the gateway's URL as clients see it: scheme, host and port, without a path.
 *     The OAuth protected-resource metadata names {@code <publicBaseUrl>/mcp/<service>} as the
 *     resource (default {@code http://127.0.0.1:8080})
 * @param authorizationServer issuer URL of the identity service, listed as the authorization server
 *     in the metadata (default {@code http://127.0.0.1:8090})
 * @param scopesSupported scopes listed in the metadata as {@code scopes_supported} (default none,
 *     so clients request no scope)
 * @param maxSessions the maximum number of MCP sessions whose instance the gateway stores for
 *     session affinity. The least recently used one is dropped first (default 10000)
 * @param sessionIdleTimeout time after the last request of a session after which the gateway drops
 *     its instance mapping (default 1 hour)
 */
@ConfigurationProperties("platform.gateway.mcp")
public record McpProperties(
        @DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl,
        @DefaultValue("http://127.0.0.1:8090") URI authorizationServer,
        @DefaultValue List<String> scopesSupported,
        @DefaultValue("10000") int maxSessions,
        @DefaultValue("1h") Duration sessionIdleTimeout) {

    public McpProperties {
        requireHttpUrl("platform.gateway.mcp.public-base-url", publicBaseUrl);
        // RFC 9728 puts the well-known segment right after the host, and the gateway serves it
        // at its root, so a base URL with a path would produce metadata URLs nobody serves.
        String path = publicBaseUrl.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException(
                    "platform.gateway.mcp.public-base-url must not have a path, got '"
                            + publicBaseUrl
                            + "'; set scheme, host and port only, such as"
                            + " https://api.example.org");
        }
        requireHttpUrl("platform.gateway.mcp.authorization-server", authorizationServer);
        if (maxSessions < 1) {
            throw new IllegalArgumentException(
                    "platform.gateway.mcp.max-sessions must be at least 1, got " + maxSessions);
        }
        if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "platform.gateway.mcp.session-idle-timeout must be positive, got "
                            + sessionIdleTimeout);
        }
        scopesSupported = List.copyOf(scopesSupported);
    }

    /**
     * Returns the public URL of a service's MCP endpoint, such as {@code .../mcp/writing-analysis}.
     */
    public String resourceUrl(String service) {
        return withoutTrailingSlash(publicBaseUrl) + "/mcp/" + service;
    }

    /** Returns the public URL of the protected-resource metadata of a service's MCP endpoint. */
    public String resourceMetadataUrl(String service) {
        return withoutTrailingSlash(publicBaseUrl)
                + "/.well-known/oauth-protected-resource/mcp/"
                + service;
    }

    /**
     * Returns the issuer URL of the authorization server as configured, without a trailing slash.
     */
    public String authorizationServerUrl() {
        return withoutTrailingSlash(authorizationServer);
    }

    private static String withoutTrailingSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static void requireHttpUrl(String property, URI url) {
        boolean valid =
                url != null
                        && url.isAbsolute()
                        && url.getHost() != null
                        && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                        && url.getQuery() == null
                        && url.getFragment() == null;
        if (!valid) {
            throw new IllegalArgumentException(
                    property
                            + " must be an absolute http or https URL without query or fragment,"
                            + " got '"
                            + url
                            + "'");
        }
    }
}
