package dev.scribe.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpPropertiesTest {

    @Test
    void urlsAreBuiltFromBaseUrl() {
        McpProperties properties = properties("https://api.example.org/", "https://id.example/");

        assertThat(properties.resourceUrl("writing-analysis"))
                .isEqualTo("https://api.example.org/mcp/writing-analysis");
        assertThat(properties.resourceMetadataUrl("writing-analysis"))
                .isEqualTo(
                        "https://api.example.org/.well-known/oauth-protected-resource/mcp/"
                                + "writing-analysis");
        assertThat(properties.authorizationServerUrl()).isEqualTo("https://id.example");
    }

    @Test
    void baseUrlWithPathIsRejected() {
        assertThatThrownBy(
                        () -> properties("https://api.example.org/gateway", "https://id.example"))
                .hasMessageContaining("public-base-url must not have a path");
    }

    @Test
    void nonHttpUrlIsRejected() {
        assertThatThrownBy(() -> properties("https://api.example.org", "ftp://id.example"))
                .hasMessageContaining("authorization-server must be an absolute http or https URL");
    }

    @Test
    void nonPositiveIdleTimeoutIsRejected() {
        assertThatThrownBy(
                        () ->
                                new McpProperties(
                                        URI.create("http://127.0.0.1:8080"),
                                        URI.create("http://127.0.0.1:8090"),
                                        List.of(),
                                        10,
                                        Duration.ZERO))
                .hasMessageContaining("session-idle-timeout must be positive");
    }

    private static McpProperties properties(String baseUrl, String issuer) {
        return new McpProperties(
                URI.create(baseUrl), URI.create(issuer), List.of(), 10, Duration.ofHours(1));
    }
}
