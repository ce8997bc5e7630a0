package dev.scribe.gateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-256-GCM of queued bodies and the rules of the key file. */
class QueueBodyCipherTest {

    @TempDir Path directory;

    @Test
    void bodyRoundTripsWithSameEntry() {
        QueueBodyCipher cipher = QueueBodyCipher.fromKeyFile(directory.resolve("k"), true);
        UUID id = UUID.randomUUID();
        byte[] plain = "{\"text\":\"essay\"}".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = cipher.encrypt(id, plain);

        assertThat(sealed).hasSize(12 + plain.length + 16);
        assertThat(cipher.decrypt(id, cipher.keyId(), sealed)).isEqualTo(plain);
    }

    @Test
    void bodyOfAnotherEntryFailsAuthentication() {
        QueueBodyCipher cipher = QueueBodyCipher.fromKeyFile(directory.resolve("k"), true);
        byte[] sealed = cipher.encrypt(UUID.randomUUID(), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), cipher.keyId(), sealed))
                .hasMessageContaining("failed AES-GCM authentication");
    }

    @Test
    void createdKeyIsReusedAfterRestart() {
        Path file = directory.resolve("k");
        QueueBodyCipher first = QueueBodyCipher.fromKeyFile(file, true);
        UUID id = UUID.randomUUID();
        byte[] sealed = first.encrypt(id, new byte[] {7});

        QueueBodyCipher second = QueueBodyCipher.fromKeyFile(file, false);

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.decrypt(id, second.keyId(), sealed)).containsExactly(7);
    }

    @Test
    void missingKeyFileStopsStartWhenCreationIsOff() {
        assertThatThrownBy(() -> QueueBodyCipher.fromKeyFile(directory.resolve("none"), false))
                .hasMessageContaining("does not exist");
    }

    @Test
    void shortKeyIsRejected() throws Exception {
        Path file = directory.resolve("short");
        Files.writeString(file, "AAAA");

        assertThatThrownBy(() -> QueueBodyCipher.fromKeyFile(file, false))
                .hasMessageContaining("must be 32 bytes");
    }
}
