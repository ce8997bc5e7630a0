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
 */
@ConfigurationProperties(prefix = "platform.mcp")
public record McpProperties(@DefaultValue List<String> allowedOrigins) {

    public McpProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
