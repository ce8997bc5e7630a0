package dev.scribe.writinganalysis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.writinganalysis.TestAssertions;
import dev.scribe.writinganalysis.WritingAnalysisApplication;
import dev.scribe.writinganalysis.domain.ContentCipher;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application outside the embedded profile: without {@code platform.encryption.*} or the
 * pseudonymization key it does not start, and with the keys it does.
 */
class EncryptionStartupTest {

    @TempDir Path dataDir;

    @Test
    void postgresProfileWithoutKey_refusesToStart() {
        assertThatThrownBy(() -> withPrivacyKeys(start()).run().close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.encryption.keys")
                .hasMessageContaining("platform.encryption.active-key-id");
    }

    @Test
    void postgresProfileWithoutPseudonymKey_refusesToStart() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        assertThatThrownBy(
                        () ->
                                start().properties(
                                                "platform.privacy.audit-checkpoint-key="
                                                        + "c".repeat(32),
                                                "platform.encryption.keys.start-1=" + key,
                                                "platform.encryption.active-key-id=start-1")
                                        .run()
                                        .close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.privacy.pseudonymization-key is not set")
                .hasMessageContaining("[postgres]");
    }

    @Test
    void postgresProfileWithKey_starts() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        try (ConfigurableApplicationContext context =
                withPrivacyKeys(start())
                        .properties(
                                "platform.encryption.keys.start-1=" + key,
                                "platform.encryption.active-key-id=start-1")
                        .run()) {
            assertThat(context.getBean(ContentCipher.class).activeKeyId()).isEqualTo("start-1");
        }
    }

    private static SpringApplicationBuilder withPrivacyKeys(SpringApplicationBuilder builder) {
        return builder.properties(
                "platform.privacy.pseudonymization-key=" + "p".repeat(32),
                "platform.privacy.audit-checkpoint-key=" + "c".repeat(32));
    }

    /**
     * Builds the application with the postgres profile but an in-memory H2 database, so the test
     * needs no server and the key check is the only reason the start can fail.
     */
    private SpringApplicationBuilder start() {
        return new SpringApplicationBuilder(WritingAnalysisApplication.class)
                .profiles("postgres")
                .properties(
                        "server.port=0",
                        "eureka.client.enabled=false",
                        "spring.cloud.discovery.enabled=false",
                        "spring.datasource.url=jdbc:h2:mem:startup-" + UUID.randomUUID(),
                        "spring.datasource.username=sa",
                        "platform.data-dir=" + dataDir,
                        "platform.security.assertion.jwks-file="
                                + TestAssertions.shared().jwksFile(),
                        "platform.security.service-token.jwks-file="
                                + TestAssertions.shared().identityJwksFile(),
                        "platform.security.service-token.issuer="
                                + TestAssertions.SERVICE_TOKEN_ISSUER);
    }
}
