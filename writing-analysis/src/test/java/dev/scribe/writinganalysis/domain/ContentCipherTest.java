package dev.scribe.writinganalysis.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AES-256-GCM envelope encryption: round trip, fresh nonces, binding, tampering and rotation. */
class ContentCipherTest {

    private static final String CONTEXT = "reflection_record.text_ciphertext:row-1";

    private final byte[] keyA = randomKey();
    private final byte[] keyB = randomKey();

    @Test
    void roundTrip_returnsPlaintext() {
        ContentCipher cipher = new ContentCipher(Map.of("a", keyA), "a");

        String stored = cipher.encrypt("Zoë wrote 3 paragraphs.", CONTEXT);

        assertThat(stored).startsWith("v1:a:");
        assertThat(stored).doesNotContain("paragraphs");
        assertThat(cipher.decrypt(stored, CONTEXT)).isEqualTo("Zoë wrote 3 paragraphs.");
        assertThat(cipher.keyIdOf(stored, CONTEXT)).isEqualTo("a");
    }

    @Test
    void sameText_getsFreshNonceAndKey() {
        ContentCipher cipher = new ContentCipher(Map.of("a", keyA), "a");

        String first = cipher.encrypt("same text", CONTEXT);
        String second = cipher.encrypt("same text", CONTEXT);

        String[] firstFields = first.split(":");
        String[] secondFields = second.split(":");
        assertThat(Base64.getDecoder().decode(firstFields[3])).hasSize(12);
        assertThat(firstFields[3]).isNotEqualTo(secondFields[3]);
        assertThat(firstFields[2]).isNotEqualTo(secondFields[2]);
        assertThat(firstFields[4]).isNotEqualTo(secondFields[4]);
    }

    @Test
    void otherContext_failsAuthentication() {
        ContentCipher cipher = new ContentCipher(Map.of("a", keyA), "a");
        String stored = cipher.encrypt("bound to row 1", CONTEXT);

        assertThatThrownBy(() -> cipher.decrypt(stored, "reflection_record.text_ciphertext:row-2"))
                .isInstanceOf(ContentDecryptionException.class)
                .hasMessageContaining("row-2")
                .hasMessageNotContaining("bound to row 1");
    }

    @Test
    void alteredCiphertext_failsAuthentication() {
        ContentCipher cipher = new ContentCipher(Map.of("a", keyA), "a");
        String stored = cipher.encrypt("original", CONTEXT);
        String[] fields = stored.split(":");
        byte[] sealed = Base64.getDecoder().decode(fields[4]);
        sealed[0] ^= 0x01;
        String altered =
                String.join(
                        ":",
                        fields[0],
                        fields[1],
                        fields[2],
                        fields[3],
                        Base64.getEncoder().encodeToString(sealed));

        assertThatThrownBy(() -> cipher.decrypt(altered, CONTEXT))
                .isInstanceOf(ContentDecryptionException.class)
                .hasMessageContaining("ciphertext or its tag was altered");
    }

    @Test
    void alteredWrappedKey_failsAuthentication() {
        ContentCipher cipher = new ContentCipher(Map.of("a", keyA), "a");
        String stored = cipher.encrypt("original", CONTEXT);
        String[] fields = stored.split(":");
        byte[] wrapped = Base64.getDecoder().decode(fields[2]);
        wrapped[wrapped.length - 1] ^= 0x01;
        fields[2] = Base64.getEncoder().encodeToString(wrapped);

        assertThatThrownBy(() -> cipher.decrypt(String.join(":", fields), CONTEXT))
                .isInstanceOf(ContentDecryptionException.class)
                .hasMessageContaining("wrapped data key was altered");
    }

    @Test
    void malformedValue_failsWithFormatMessage() {
        ContentCipher cipher = new ContentCipher(Map.of("a", keyA), "a");

        assertThatThrownBy(() -> cipher.decrypt("plain text", CONTEXT))
                .isInstanceOf(ContentDecryptionException.class)
                .hasMessageContaining("not in the v1 format");
        String nonce = Base64.getEncoder().encodeToString(new byte[12]);
        assertThatThrownBy(() -> cipher.decrypt("v1:a:!!:" + nonce + ":AAAA", CONTEXT))
                .isInstanceOf(ContentDecryptionException.class)
                .hasMessageContaining("Base64");
        assertThatThrownBy(() -> cipher.decrypt("v1:a:AAAA:AAAA:AAAA", CONTEXT))
                .isInstanceOf(ContentDecryptionException.class)
                .hasMessageContaining("nonce has 3 bytes");
    }

    @Test
    void rotation_keepsOldValuesReadableAndRewraps() {
        ContentCipher before = new ContentCipher(Map.of("a", keyA), "a");
        ContentCipher during = new ContentCipher(Map.of("a", keyA, "b", keyB), "b");
        ContentCipher onlyNew = new ContentCipher(Map.of("b", keyB), "b");
        String old = before.encrypt("written under a", CONTEXT);

        assertThat(during.decrypt(old, CONTEXT)).isEqualTo("written under a");
        assertThat(during.encrypt("new", CONTEXT)).startsWith("v1:b:");

        String rewrapped = during.rewrap(old, CONTEXT);
        assertThat(rewrapped).startsWith("v1:b:");
        // Re-wrapping changes only the key fields; nonce and ciphertext stay.
        assertThat(rewrapped.split(":")[3]).isEqualTo(old.split(":")[3]);
        assertThat(rewrapped.split(":")[4]).isEqualTo(old.split(":")[4]);
        assertThat(onlyNew.decrypt(rewrapped, CONTEXT)).isEqualTo("written under a");
        assertThat(during.rewrap(rewrapped, CONTEXT)).isEqualTo(rewrapped);
    }

    @Test
    void retiredKey_failsWithKeyIdInMessage() {
        ContentCipher before = new ContentCipher(Map.of("a", keyA), "a");
        ContentCipher onlyNew = new ContentCipher(Map.of("b", keyB), "b");
        String old = before.encrypt("written under a", CONTEXT);

        assertThatThrownBy(() -> onlyNew.decrypt(old, CONTEXT))
                .isInstanceOf(ContentDecryptionException.class)
                .hasMessageContaining("key id 'a' is not in platform.encryption.keys");
    }

    @Test
    void invalidKeyring_isRejected() {
        assertThatThrownBy(() -> new ContentCipher(Map.of("a", new byte[16]), "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 32");
        assertThatThrownBy(() -> new ContentCipher(Map.of("a", keyA), "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b' is not among the configured keys");
        assertThatThrownBy(() -> new ContentCipher(Map.of("a:b", keyA), "a:b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid encryption key id");
    }

    @Test
    void toString_leavesKeysOut() {
        ContentCipher cipher = new ContentCipher(Map.of("a", keyA), "a");

        assertThat(cipher.toString()).doesNotContain(Base64.getEncoder().encodeToString(keyA));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
