package dev.scribe.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.gateway.service.LocalTier.LocalTierUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTierConfigurationTest {

    private static final String[] EMBEDDED = new String[0];
    private static final String[] POSTGRES = {"postgres"};

    @TempDir Path dataDir;

    private LocalTierProperties properties(String outboxKey, String pseudonymizationKey) {
        return new LocalTierProperties(dataDir, outboxKey, pseudonymizationKey, 10, 5000);
    }

    @Test
    void configuredOutboxKeyIsDecoded() {
        byte[] key = new byte[32];
        key[0] = 42;

        byte[] resolved =
                LocalTierConfiguration.outboxKey(
                        properties(Base64.getEncoder().encodeToString(key), null), POSTGRES);

        assertThat(resolved).isEqualTo(key);
    }

    @Test
    void outboxKeyOfWrongLengthIsRejected() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(
                        () ->
                                LocalTierConfiguration.outboxKey(
                                        properties(shortKey, null), EMBEDDED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 16 bytes");
    }

    @Test
    void outboxKeyThatIsNotBase64IsRejected() {
        assertThatThrownBy(
                        () ->
                                LocalTierConfiguration.outboxKey(
                                        properties("not base64!", null), EMBEDDED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid Base64");
    }

    @Test
    void missingOutboxKeyStopsOtherProfiles() {
        assertThatThrownBy(() -> LocalTierConfiguration.outboxKey(properties(null, null), POSTGRES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outbox-key is not set")
                .hasMessageContaining("postgres");
        assertThat(dataDir.resolve(LocalTierConfiguration.OUTBOX_KEY_FILE)).doesNotExist();
    }

    @Test
    void embeddedProfileCreatesAndReusesTheKeyFile() {
        byte[] first = LocalTierConfiguration.outboxKey(properties(null, null), EMBEDDED);
        byte[] second = LocalTierConfiguration.outboxKey(properties(null, null), EMBEDDED);

        assertThat(first).hasSize(32);
        assertThat(second).isEqualTo(first);
        assertThat(dataDir.resolve(LocalTierConfiguration.OUTBOX_KEY_FILE)).exists();
    }

    @Test
    void pseudonymizationKeyIsReadFromTheServiceKeyFile() throws IOException {
        byte[] secret = new byte[32];
        secret[5] = 7;
        Files.writeString(
                dataDir.resolve(LocalTierConfiguration.PSEUDONYMIZATION_KEY_FILE),
                Base64.getEncoder().encodeToString(secret));

        byte[] key = LocalTierConfiguration.pseudonymizationKey(properties(null, null)).get();

        assertThat(key).isEqualTo(secret);
    }

    @Test
    void configuredPseudonymizationKeyWins() {
        String configured = "configured-pseudonymization-key-0123456789";

        byte[] key = LocalTierConfiguration.pseudonymizationKey(properties(null, configured)).get();

        assertThat(key).isEqualTo(configured.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void missingPseudonymizationKeyMakesTheTierUnavailable() {
        assertThatThrownBy(
                        () ->
                                LocalTierConfiguration.pseudonymizationKey(properties(null, null))
                                        .get())
                .isInstanceOf(LocalTierUnavailableException.class)
                .hasMessageContaining("pseudonymization.key");
    }
}
