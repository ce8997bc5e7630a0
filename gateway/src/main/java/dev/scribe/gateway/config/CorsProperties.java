package dev.scribe.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins that may call the gateway, under {@code platform.gateway.cors}. Today only the
 * public MCP endpoints check them: a request whose {@code Origin} header is not listed gets 403.
 *
 * @param allowedOrigins exact origins, {@code scheme://host[:port]} without a path (default {@code
 *     http://localhost:5173}, the local web client). A wildcard is rejected at start-up, because
 *     the check exists to stop web pages of other origins from calling the API with a user's token
 */
@ConfigurationProperties("platform.gateway.cors")
public record CorsProperties(@DefaultValue("http://localhost:5173") List<String> allowedOrigins) {

    public CorsProperties {
        for (int index = 0; index < allowedOrigins.size(); index++) {
            requireOrigin(index, allowedOrigins.get(index));
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * Checks an {@code Origin} header value against the list. Scheme and host compare without
     * regard to case, as RFC 6454 defines origins.
     */
    public boolean allows(String origin) {
        String normalised = origin.trim().toLowerCase(Locale.ROOT);
        return allowedOrigins.stream()
                .anyMatch(allowed -> allowed.toLowerCase(Locale.ROOT).equals(normalised));
    }

    private static void requireOrigin(int index, String origin) {
        String property = "platform.gateway.cors.allowed-origins[" + index + "]";
        if (origin == null || origin.contains("*")) {
            throw new IllegalArgumentException(
                    property
                            + " '"
                            + origin
                            + "' is invalid: wildcards are not allowed, list each origin");
        }
        URI url;
        try {
            url = new URI(origin);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    property + " '" + origin + "' is not a valid origin: " + e.getMessage(), e);
        }
        boolean valid =
                ("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                        && url.getHost() != null
                        && url.getRawPath().isEmpty()
                        && url.getRawQuery() == null
                        && url.getRawFragment() == null
                        && url.getRawUserInfo() == null;
        if (!valid) {
            throw new IllegalArgumentException(
                    property
                            + " '"
                            + origin
                            + "' is invalid: expected scheme://host[:port] without a path,"
                            + " such as http://localhost:5173");
        }
    }
}
