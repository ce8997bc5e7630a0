package dev.scribe.gateway.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts queued request bodies with AES-256-GCM: a random 12-byte nonce per body, the entry id as
 * associated data (so a body cannot be moved to another entry), output {@code nonce || ciphertext
 * || tag}. The key id is the first 16 hex digits of the key's SHA-256, stored beside each body.
 *
 * <p>NOTE: bodies are encrypted directly with this key, not with a per-record data key wrapped by a
 * master key, and there is no key rotation. A new key file makes older bodies unreadable.
 */
public final class QueueBodyCipher {

    private static final Logger log = LoggerFactory.getLogger(QueueBodyCipher.class);

    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    QueueBodyCipher(byte[] keyBytes) {
        if (keyBytes.length != KEY_BYTES) {
            throw new IllegalStateException(
                    "The queue body key must be 32 bytes (AES-256), got " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.keyId = keyIdOf(keyBytes);
    }

    /**
     * Reads the Base64 key from {@code file}. When the file is missing and {@code create} is true,
     * writes a new random key readable only by the owner first.
     *
     * @throws IllegalStateException when the file is missing (and may not be created) or invalid
     */
    public static QueueBodyCipher fromKeyFile(Path file, boolean create) {
        try {
            if (!Files.exists(file)) {
                if (!create) {
                    throw new IllegalStateException(
                            "platform.gateway.queue.body-key-file "
                                    + file
                                    + " does not exist: create it with 32 random bytes in Base64,"
                                    + " such as `openssl rand -base64 32`");
                }
                writeNewKey(file);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            byte[] keyBytes;
            try {
                keyBytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "platform.gateway.queue.body-key-file " + file + " is not valid Base64", e);
            }
            QueueBodyCipher cipher = new QueueBodyCipher(keyBytes);
            log.info("Encrypting queued request bodies with key {} from {}", cipher.keyId, file);
            return cipher;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the queue body key file " + file, e);
        }
    }

    private static void writeNewKey(Path file) throws IOException {
        byte[] keyBytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(keyBytes);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(
                file,
                Base64.getEncoder().encodeToString(keyBytes) + "\n",
                StandardCharsets.US_ASCII,
                StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.warn(
                    "Could not restrict the permissions of {}: the file system has no POSIX permissions",
                    file);
        }
        log.info("Created a new queue body key in {}", file);
    }

    public String keyId() {
        return keyId;
    }

    public byte[] encrypt(UUID entryId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(entryId));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts a body of entry {@code entryId}.
     *
     * @throws IllegalStateException when the key id differs or the ciphertext fails authentication
     */
    public byte[] decrypt(UUID entryId, String bodyKeyId, byte[] sealed) {
        if (!keyId.equals(bodyKeyId)) {
            throw new IllegalStateException(
                    "Queued body of entry "
                            + entryId
                            + " was encrypted with key "
                            + bodyKeyId
                            + ", but the configured key is "
                            + keyId);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(entryId));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Queued body of entry " + entryId + " failed AES-GCM authentication", e);
        }
    }

    private static byte[] associatedData(UUID entryId) {
        return entryId.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String keyIdOf(byte[] keyBytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
