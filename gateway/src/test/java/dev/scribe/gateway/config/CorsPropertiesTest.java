package dev.scribe.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPropertiesTest {

    @Test
    void listedOriginIsAllowed() {
        CorsProperties cors = new CorsProperties(List.of("https://assistant.example"));

        assertThat(cors.allows("https://assistant.example")).isTrue();
        assertThat(cors.allows("HTTPS://Assistant.Example")).isTrue();
    }

    @Test
    void otherOriginsAreNotAllowed() {
        CorsProperties cors = new CorsProperties(List.of("https://assistant.example"));

        assertThat(cors.allows("http://assistant.example")).isFalse();
        assertThat(cors.allows("https://assistant.example:8443")).isFalse();
        assertThat(cors.allows("https://assistant.example.attacker.example")).isFalse();
        assertThat(cors.allows("null")).isFalse();
    }

    @Test
    void wildcardIsRejected() {
        assertThatThrownBy(() -> new CorsProperties(List.of("*")))
                .hasMessageContaining("allowed-origins[0]")
                .hasMessageContaining("wildcards");
    }

    @Test
    void originWithPathIsRejected() {
        assertThatThrownBy(
                        () ->
                                new CorsProperties(
                                        List.of("http://localhost:5173", "https://a.example/app")))
                .hasMessageContaining("allowed-origins[1]")
                .hasMessageContaining("without a path");
    }
}
