package dev.scribe.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.gateway.domain.DegradedOutboxEntry.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DegradedOutboxTest {

    private static final byte[] KEY = filled(32, (byte) 7);
    private static final String SECRET_TEXT = "{\"note\":\"Ana Ruiz feels anxious\"}";

    @TempDir Path directory;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }

    private DegradedOutbox open(byte[] key, Clock at) {
        return new DegradedOutbox(directory, key, at, json);
    }

    private String fileText() throws IOException {
        return Files.readString(directory.resolve(DegradedOutbox.OUTBOX_FILE));
    }

    @Test
    void appendedEntryIsOnDiskEncrypted() throws IOException {
        DegradedOutbox outbox = open(KEY, clock);

        DegradedOutboxEntry entry =
                outbox.append(Kind.AUDIT, SECRET_TEXT.getBytes(StandardCharsets.UTF_8));

        String text = fileText();
        assertThat(text).contains(entry.outboxId().toString()).endsWith("\n");
        assertThat(text).doesNotContain("Ana").doesNotContain("anxious");
        assertThat(text).contains("\"kind\":\"audit\"");
        assertThat(new String(outbox.decrypt(entry), StandardCharsets.UTF_8))
                .isEqualTo(SECRET_TEXT);
        assertThat(entry.payloadHash()).hasSize(64);
        assertThat(Base64.getDecoder().decode(entry.nonce())).hasSize(12);
        outbox.close();
    }

    @Test
    void pendingEntriesSurviveAReopen() {
        DegradedOutbox first = open(KEY, clock);
        DegradedOutboxEntry audit = first.append(Kind.AUDIT, "{\"a\":1}".getBytes());
        DegradedOutboxEntry event = first.append(Kind.EVENT, "{\"e\":2}".getBytes());
        first.close();

        DegradedOutbox second = open(KEY, clock);

        assertThat(second.pending()).containsExactly(audit, event);
        assertThat(second.decrypt(second.pending().get(1))).isEqualTo("{\"e\":2}".getBytes());
        second.close();
    }

    @Test
    void acknowledgedEntryIsGoneAfterReopen() throws IOException {
        DegradedOutbox first = open(KEY, clock);
        DegradedOutboxEntry kept = first.append(Kind.AUDIT, "{\"a\":1}".getBytes());
        DegradedOutboxEntry acknowledged = first.append(Kind.EVENT, "{\"e\":2}".getBytes());

        first.acknowledge(acknowledged.outboxId());
        first.close();
        DegradedOutbox second = open(KEY, clock);

        assertThat(second.pending()).containsExactly(kept);
        assertThat(fileText()).doesNotContain(acknowledged.outboxId().toString());
        second.close();
    }

    @Test
    void lastAcknowledgementEmptiesTheFile() throws IOException {
        DegradedOutbox outbox = open(KEY, clock);
        DegradedOutboxEntry entry = outbox.append(Kind.AUDIT, "{}".getBytes());

        outbox.acknowledge(entry.outboxId());

        assertThat(outbox.pendingCount()).isZero();
        assertThat(fileText()).isEmpty();
        outbox.close();
    }

    @Test
    void tornLastLineIsSkippedAndCutOff() throws IOException {
        DegradedOutbox first = open(KEY, clock);
        DegradedOutboxEntry complete = first.append(Kind.AUDIT, "{\"a\":1}".getBytes());
        first.close();
        Path file = directory.resolve(DegradedOutbox.OUTBOX_FILE);
        Files.writeString(file, "{\"outboxId\":\"5e0f6a1c-", StandardOpenOption.APPEND);

        DegradedOutbox second = open(KEY, clock);
        DegradedOutboxEntry after = second.append(Kind.EVENT, "{\"e\":2}".getBytes());
        second.close();
        DegradedOutbox third = open(KEY, clock);

        assertThat(third.pending()).containsExactly(complete, after);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        third.close();
    }

    @Test
    void garbledMiddleLineIsSkipped() throws IOException {
        Path file = directory.resolve(DegradedOutbox.OUTBOX_FILE);
        Files.writeString(file, "not json\n");

        DegradedOutbox outbox = open(KEY, clock);

        assertThat(outbox.pendingCount()).isZero();
        outbox.close();
    }

    @Test
    void alteredPayloadIsRejected() {
        DegradedOutbox outbox = open(KEY, clock);
        DegradedOutboxEntry entry = outbox.append(Kind.AUDIT, "{\"a\":1}".getBytes());
        char[] payload = entry.payload().toCharArray();
        payload[0] = payload[0] == 'A' ? 'B' : 'A';
        DegradedOutboxEntry altered =
                new DegradedOutboxEntry(
                        entry.outboxId(),
                        entry.kind(),
                        entry.createdAt(),
                        entry.keyId(),
                        entry.nonce(),
                        new String(payload),
                        entry.payloadHash());

        assertThatThrownBy(() -> outbox.decrypt(altered))
                .isInstanceOf(DegradedOutboxException.class)
                .hasMessageContaining("altered");
        outbox.close();
    }

    @Test
    void entryOfAnotherKeyIsRejected() {
        DegradedOutbox first = open(KEY, clock);
        first.append(Kind.AUDIT, "{\"a\":1}".getBytes());
        first.close();

        DegradedOutbox other = open(filled(32, (byte) 9), clock);

        assertThatThrownBy(() -> other.decrypt(other.pending().get(0)))
                .isInstanceOf(DegradedOutboxException.class)
                .hasMessageContaining("configured key");
        other.close();
    }

    @Test
    void appendAfterCloseFails() {
        DegradedOutbox outbox = open(KEY, clock);
        outbox.close();

        assertThatThrownBy(() -> outbox.append(Kind.AUDIT, "{}".getBytes()))
                .isInstanceOf(DegradedOutboxException.class)
                .hasMessageContaining("Cannot write");
    }

    @Test
    void oldestAgeFollowsTheClock() {
        DegradedOutbox writer = open(KEY, clock);
        writer.append(Kind.AUDIT, "{}".getBytes());
        writer.close();

        DegradedOutbox later = open(KEY, Clock.offset(clock, Duration.ofMinutes(90)));

        assertThat(later.oldestAge()).isEqualTo(Duration.ofMinutes(90));
        later.close();
    }

    @Test
    void secondWriterOnTheSameDirectoryIsRejected() {
        DegradedOutbox first = open(KEY, clock);

        assertThatThrownBy(() -> open(KEY, clock))
                .isInstanceOf(DegradedOutboxException.class)
                .hasMessageContaining("Another gateway");
        first.close();
        open(KEY, clock).close();
    }

    @Test
    void shortKeyIsRejected() {
        assertThatThrownBy(() -> open(new byte[16], clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
