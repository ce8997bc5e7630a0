package dev.scribe.gateway.domain;

import dev.scribe.gateway.domain.DegradedOutboxEntry.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's durable outbox: an append-only file of encrypted entries, one JSON object per line.
 *
 * <p>{@link #append} returns only after the line is forced to the storage device, so an entry that
 * the caller saw written survives a crash. Acknowledged ids go to a second append-only file; the
 * outbox is rewritten without them at start-up and whenever no entry is pending. A crash can leave
 * a last line without its newline. Start-up then logs a warning and cuts that torn line off,
 * because its append never returned and so no response depended on it.
 */
public final class DegradedOutbox {

    static final String OUTBOX_FILE = "degraded-outbox.jsonl";
    static final String ACK_FILE = "degraded-outbox.acks";
    static final String LOCK_FILE = "degraded-outbox.lock";

    private static final Logger log = LoggerFactory.getLogger(DegradedOutbox.class);

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path outboxFile;
    private final Path ackFile;
    private final SecretKeySpec key;
    private final String keyId;
    private final Clock clock;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    /** Pending entries in append order, which is createdAt order for a monotonic clock. */
    private final Map<UUID, DegradedOutboxEntry> pending = new LinkedHashMap<>();

    private FileChannel outboxChannel;
    private FileChannel ackChannel;
    private FileChannel lockChannel;

    /**
     * Opens the outbox in {@code directory}, creating it when needed, and loads the pending
     * entries.
     *
     * @param key AES-256 key of the payloads, 32 bytes
     * @throws DegradedOutboxException when the directory or files cannot be created or read
     */
    public DegradedOutbox(Path directory, byte[] key, Clock clock, JsonMapper json) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "The outbox key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
        this.outboxFile = directory.resolve(OUTBOX_FILE);
        this.ackFile = directory.resolve(ACK_FILE);
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = "sha256:" + HexFormat.of().formatHex(sha256(key)).substring(0, 16);
        this.clock = clock;
        this.json = json;
        try {
            Files.createDirectories(directory);
            lockChannel = lock(directory);
            load();
            compact();
        } catch (IOException e) {
            releaseLock();
            throw new DegradedOutboxException("Cannot open the outbox in " + directory, e);
        }
    }

    /**
     * Locks the directory for this process. Compaction replaces the file, so a second writer would
     * keep appending to the replaced copy and its entries would be lost.
     */
    private static FileChannel lock(Path directory) throws IOException {
        FileChannel channel =
                FileChannel.open(
                        directory.resolve(LOCK_FILE),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DegradedOutboxException(
                    "Another gateway uses the outbox in "
                            + directory
                            + "; give each gateway its own platform.gateway.local-tier.data-dir",
                    null);
        }
        return channel;
    }

    private void releaseLock() {
        try {
            closeQuietly(lockChannel);
        } catch (IOException e) {
            log.atWarn()
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("Releasing the outbox lock failed");
        }
    }

    /** Path of the outbox file. */
    public Path file() {
        return outboxFile;
    }

    /** Fingerprint of the payload key, stored in each entry. */
    public String keyId() {
        return keyId;
    }

    /**
     * Encrypts {@code plaintext}, appends the entry and forces it to storage before returning.
     *
     * @throws DegradedOutboxException when the entry cannot be written; the caller must then fail
     *     the request, because the access it records would otherwise be lost
     */
    public synchronized DegradedOutboxEntry append(Kind kind, byte[] plaintext) {
        UUID outboxId = UUID.randomUUID();
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext =
                crypt(Cipher.ENCRYPT_MODE, nonce, aad(outboxId, kind, createdAt), plaintext);
        DegradedOutboxEntry entry =
                new DegradedOutboxEntry(
                        outboxId,
                        kind,
                        createdAt,
                        keyId,
                        Base64.getEncoder().encodeToString(nonce),
                        Base64.getEncoder().encodeToString(ciphertext),
                        HexFormat.of().formatHex(sha256(plaintext)));

        try {
            writeLine(outboxChannel, toLine(entry));
        } catch (IOException e) {
            throw new DegradedOutboxException("Cannot write to the outbox " + outboxFile, e);
        }
        pending.put(outboxId, entry);
        return entry;
    }

    /** Pending entries, oldest first. */
    public synchronized List<DegradedOutboxEntry> pending() {
        List<DegradedOutboxEntry> entries = new ArrayList<>(pending.values());
        entries.sort(Comparator.comparing(DegradedOutboxEntry::createdAt));
        return entries;
    }

    public synchronized int pendingCount() {
        return pending.size();
    }

    /** Age of the oldest pending entry, or zero when none is pending. */
    public synchronized Duration oldestAge() {
        return pending.values().stream()
                .map(DegradedOutboxEntry::createdAt)
                .min(Comparator.naturalOrder())
                .map(oldest -> Duration.between(oldest, clock.instant()))
                .orElse(Duration.ZERO);
    }

    /**
     * Decrypts an entry's payload and checks it against the stored hash.
     *
     * @throws DegradedOutboxException when the key does not match or the payload was altered
     */
    public byte[] decrypt(DegradedOutboxEntry entry) {
        if (!entry.keyId().equals(keyId)) {
            throw new DegradedOutboxException(
                    "Outbox entry "
                            + entry.outboxId()
                            + " was encrypted with key "
                            + entry.keyId()
                            + ", but the configured key is "
                            + keyId,
                    null);
        }
        byte[] plaintext =
                crypt(
                        Cipher.DECRYPT_MODE,
                        Base64.getDecoder().decode(entry.nonce()),
                        aad(entry.outboxId(), entry.kind(), entry.createdAt()),
                        Base64.getDecoder().decode(entry.payload()));
        String hash = HexFormat.of().formatHex(sha256(plaintext));
        if (!hash.equals(entry.payloadHash())) {
            throw new DegradedOutboxException(
                    "Outbox entry " + entry.outboxId() + " does not match its payload hash", null);
        }
        return plaintext;
    }

    /**
     * Records that the service stored the entry. The id is forced to the acknowledgement file
     * first, so a crash right after this call never replays the entry a second time from here.
     */
    public synchronized void acknowledge(UUID outboxId) {
        if (!pending.containsKey(outboxId)) {
            return;
        }
        try {
            writeLine(ackChannel, outboxId.toString());
            pending.remove(outboxId);
            // NOTE: while entries stay pending, acknowledged lines remain in the file until the
            // next start-up, which compacts it.
            if (pending.isEmpty()) {
                compact();
            }
        } catch (IOException e) {
            throw new DegradedOutboxException("Cannot write to " + ackFile, e);
        }
    }

    /** Closes the files; later calls fail. */
    public synchronized void close() {
        try {
            outboxChannel.close();
            ackChannel.close();
            // Closing the channel releases the directory lock.
            lockChannel.close();
        } catch (IOException e) {
            log.atWarn()
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("Closing the outbox files failed");
        }
    }

    private void load() throws IOException {
        Set<UUID> acknowledged = new HashSet<>();
        for (String line : readLines(ackFile)) {
            try {
                acknowledged.add(UUID.fromString(line.trim()));
            } catch (IllegalArgumentException e) {
                log.atWarn().addKeyValue("file", ackFile).log("Skipped an unreadable ack line");
            }
        }
        for (String line : readLines(outboxFile)) {
            DegradedOutboxEntry entry;
            try {
                entry = fromLine(line);
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                log.atWarn()
                        .addKeyValue("file", outboxFile)
                        .addKeyValue("length", line.length())
                        .log("Skipped an unreadable outbox line");
                continue;
            }
            if (!acknowledged.contains(entry.outboxId())) {
                pending.put(entry.outboxId(), entry);
            }
        }
    }

    /**
     * Reads the complete lines of a file. A last line without its newline is torn by a crash during
     * its append: it is logged, cut off the file and not returned.
     */
    private static List<String> readLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end < bytes.length) {
            log.atWarn()
                    .addKeyValue("file", file)
                    .addKeyValue("tornBytes", bytes.length - end)
                    .log("Skipped a torn last line left by a crash during an append");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(end);
                channel.force(true);
            }
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Rewrites the outbox with the pending entries only and empties the acknowledgement file. The
     * new file replaces the old one by an atomic move, so a crash leaves one of the two complete.
     */
    private void compact() throws IOException {
        closeQuietly(outboxChannel);
        closeQuietly(ackChannel);

        Path temporary = outboxFile.resolveSibling(OUTBOX_FILE + ".tmp");
        try (FileChannel channel =
                FileChannel.open(
                        temporary,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            for (DegradedOutboxEntry entry : pending.values()) {
                channel.write(
                        ByteBuffer.wrap((toLine(entry) + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            channel.force(true);
        }
        Files.move(
                temporary,
                outboxFile,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);

        outboxChannel =
                FileChannel.open(
                        outboxFile,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
        ackChannel =
                FileChannel.open(
                        ackFile,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
        ackChannel.force(true);
    }

    private static void writeLine(FileChannel channel, String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }

    private static void closeQuietly(FileChannel channel) throws IOException {
        if (channel != null && channel.isOpen()) {
            channel.close();
        }
    }

    private String toLine(DegradedOutboxEntry entry) {
        ObjectNode node = json.createObjectNode();
        node.put("outboxId", entry.outboxId().toString());
        node.put("kind", entry.kind().wireName());
        node.put("createdAt", entry.createdAt().toString());
        node.put("keyId", entry.keyId());
        node.put("nonce", entry.nonce());
        node.put("payload", entry.payload());
        node.put("payloadHash", entry.payloadHash());
        return json.writeValueAsString(node);
    }

    private DegradedOutboxEntry fromLine(String line) {
        JsonNode node = json.readTree(line);
        return new DegradedOutboxEntry(
                UUID.fromString(node.get("outboxId").stringValue()),
                Kind.valueOf(node.get("kind").stringValue().toUpperCase(Locale.ROOT)),
                Instant.parse(node.get("createdAt").stringValue()),
                node.get("keyId").stringValue(),
                node.get("nonce").stringValue(),
                node.get("payload").stringValue(),
                node.get("payloadHash").stringValue());
    }

    /** Binds the ciphertext to its entry, so a payload moved to another line fails to decrypt. */
    private static byte[] aad(UUID outboxId, Kind kind, Instant createdAt) {
        return (outboxId + "|" + kind.wireName() + "|" + createdAt)
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new DegradedOutboxException(
                    mode == Cipher.ENCRYPT_MODE
                            ? "Cannot encrypt the outbox payload"
                            : "Cannot decrypt the outbox payload; the key is wrong or the entry"
                                    + " was altered",
                    e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
