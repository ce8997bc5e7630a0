package dev.scribe.writinganalysis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.writinganalysis.domain.ContentCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which keyring each profile gets, and the start-up errors for missing or bad keys. */
class EncryptionKeysTest {

    @TempDir Path dataDir;

    @Test
    void embeddedProfileWithoutKeys_usesDevelopmentKeyFile() {
        ContentCipher first =
                EncryptionKeys.resolve(properties(Map.of(), null), new String[0], dataDir);
        ContentCipher second =
                EncryptionKeys.resolve(properties(Map.of(), null), new String[0], dataDir);

        assertThat(first.activeKeyId()).isEqualTo(EncryptionKeys.DEVELOPMENT_KEY_ID);
        assertThat(Files.exists(dataDir.resolve(EncryptionKeys.DEVELOPMENT_KEY_FILE))).isTrue();
        // A later start reads the same key file, so earlier values stay readable.
        String stored = first.encrypt("kept across restarts", "t.c:1");
        assertThat(second.decrypt(stored, "t.c:1")).isEqualTo("kept across restarts");
    }

    @Test
    void otherProfileWithoutKeys_refusesToStart() {
        assertThatThrownBy(
                        () ->
                                EncryptionKeys.resolve(
                                        properties(Map.of(), null),
                                        new String[] {"postgres"},
                                        dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.encryption.keys")
                .hasMessageContaining("platform.encryption.active-key-id")
                .hasMessageContaining("[postgres]");
        assertThat(Files.exists(dataDir.resolve(EncryptionKeys.DEVELOPMENT_KEY_FILE))).isFalse();
    }

    @Test
    void configuredKeys_win() {
        ContentCipher cipher =
                EncryptionKeys.resolve(
                        properties(Map.of("k1", randomKey(), "k2", randomKey()), "k2"),
                        new String[] {"postgres", "distributed"},
                        dataDir);

        assertThat(cipher.activeKeyId()).isEqualTo("k2");
    }

    @Test
    void keysWithoutActiveId_areRejected() {
        assertThatThrownBy(
                        () ->
                                EncryptionKeys.resolve(
                                        properties(Map.of("k1", randomKey()), null),
                                        new String[0],
                                        dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.encryption.active-key-id is missing");
    }

    @Test
    void activeIdWithoutKeys_isRejected() {
        assertThatThrownBy(
                        () ->
                                EncryptionKeys.resolve(
                                        properties(Map.of(), "k9"), new String[0], dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("platform.encryption.keys.k9");
    }

    @Test
    void malformedKey_isRejectedWithoutEchoingIt() {
        assertThatThrownBy(
                        () ->
                                EncryptionKeys.resolve(
                                        properties(Map.of("k1", "not*base64"), "k1"),
                                        new String[0],
                                        dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("platform.encryption.keys.k1 is not valid Base64")
                .hasMessageNotContaining("not*base64");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(
                        () ->
                                EncryptionKeys.resolve(
                                        properties(Map.of("k1", shortKey), "k1"),
                                        new String[0],
                                        dataDir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes");
    }

    private static EncryptionProperties properties(Map<String, String> keys, String activeKeyId) {
        return new EncryptionProperties(keys, activeKeyId, 3_600_000, 200);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
