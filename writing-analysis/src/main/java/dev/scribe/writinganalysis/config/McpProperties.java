package dev.scribe.writinganalysis.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the MCP endpoint {@code /mcp}.
 *
 * @param allowedOrigins exact {@code Origin} values (scheme, host and port) that may call the
 *     endpoint; the default empty list rejects every request that carries an {@code Origin} header,
 *     so only non-browser clients get through
 * @param allowedHosts host names (without port) that the {@code Host} header of a request may name,
 *     on any port; the default allows only the loopback names {@code localhost}, {@code 127.0.0.1}
 *     and {@code [::1]}, which blocks DNS-rebinding attacks that reach the endpoint under a foreign
 *     name. A deployment that is called under another name must list it here; an empty list turns
 *     the check off.
 */
@ConfigurationProperties(prefix = "platform.mcp")
public record McpProperties(
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue({"localhost", "127.0.0.1", "[::1]"}) List<String> allowedHosts) {

    public McpProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedHosts = List.copyOf(allowedHosts);
    }
}
