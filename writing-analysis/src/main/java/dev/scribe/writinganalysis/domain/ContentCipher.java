package dev.scribe.writinganalysis.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of text at rest with AES-256-GCM (JCA). Each value gets its own random
 * 256-bit data key, which encrypts the text, and the data key is wrapped by a master key from the
 * keyring. Both encryptions use a fresh 96-bit nonce from {@link SecureRandom} and a 128-bit tag.
 *
 * <p>Stored form, one string: {@code v1:<keyId>:<wrappedKey>:<nonce>:<ciphertext>}, the last three
 * Base64 (standard alphabet). {@code wrappedKey} is the wrap nonce followed by the GCM output of
 * the data key, {@code ciphertext} is the GCM output (ciphertext then tag) of the UTF-8 text. The
 * associated data of the text is the context ({@code <table>.<column>:<row id>}), and that of the
 * wrapped key is {@code <keyId>|<context>}, so a value copied to another row or column, or a
 * wrapped key moved under another key id, fails to decrypt.
 */
public final class ContentCipher {

    /** Format version written as the first field. */
    static final String VERSION = "v1";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Map<String, SecretKey> masterKeys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /**
     * Creates the cipher over a keyring.
     *
     * @param masterKeys key id to 32 key bytes, with ids matching {@code [A-Za-z0-9_.-]{1,64}}
     * @param activeKeyId id of the key that encrypts new values, one of {@code masterKeys}
     * @throws IllegalArgumentException for an invalid id, a key that is not 32 bytes, or an active
     *     id without a key
     */
    public ContentCipher(Map<String, byte[]> masterKeys, String activeKeyId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : masterKeys.entrySet()) {
            String id = entry.getKey();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(
                        "Invalid encryption key id '"
                                + id
                                + "': use 1 to 64 characters of A-Z, a-z, 0-9, '_', '.', '-'");
            }
            if (entry.getValue().length != KEY_BYTES) {
                throw new IllegalArgumentException(
                        "Encryption key '"
                                + id
                                + "' has "
                                + entry.getValue().length
                                + " bytes; AES-256 needs exactly "
                                + KEY_BYTES);
            }
            keys.put(id, new SecretKeySpec(entry.getValue(), "AES"));
        }
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException(
                    "The active encryption key id '"
                            + activeKeyId
                            + "' is not among the configured keys "
                            + keys.keySet());
        }
        this.masterKeys = Map.copyOf(keys);
        this.activeKeyId = activeKeyId;
    }

    /** Returns the id of the key that encrypts new values. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** Encrypts {@code plaintext} under the active key, bound to {@code context}. */
    public String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] dataKey = randomBytes(KEY_BYTES);
        try {
            byte[] nonce = randomBytes(NONCE_BYTES);
            byte[] ciphertext =
                    seal(
                            new SecretKeySpec(dataKey, "AES"),
                            nonce,
                            context,
                            plaintext.getBytes(StandardCharsets.UTF_8));
            return format(activeKeyId, wrap(dataKey, activeKeyId, context), nonce, ciphertext);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Decrypts a stored value.
     *
     * @throws ContentDecryptionException when the value is malformed, names an unknown key, or
     *     fails authentication (altered, or stored under another context)
     */
    public String decrypt(String stored, String context) {
        StoredValue value = parse(stored, context);
        byte[] dataKey = unwrap(value, context);
        try {
            byte[] plaintext =
                    gcm(
                            Cipher.DECRYPT_MODE,
                            new SecretKeySpec(dataKey, "AES"),
                            value.nonce(),
                            context,
                            value.ciphertext());
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new ContentDecryptionException(
                    "Decryption of " + context + " failed: the ciphertext or its tag was altered",
                    e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Encrypts like {@link #encrypt} but returns the parts instead of the stored string, for
     * formats that keep them in separate fields.
     */
    public Sealed seal(String plaintext, String context) {
        return parse(encrypt(plaintext, context), context).toSealed();
    }

    /**
     * Decrypts a value given as its parts.
     *
     * @throws ContentDecryptionException as {@link #decrypt}
     */
    public String open(Sealed sealed, String context) {
        return decrypt(
                format(
                        sealed.keyId(),
                        sealed.wrappedKey(),
                        sealed.nonce(),
                        concat(sealed.ciphertext(), sealed.tag())),
                context);
    }

    /**
     * The parts of an encrypted value.
     *
     * @param keyId id of the master key that wraps the data key
     * @param wrappedKey wrap nonce followed by the GCM output of the data key
     * @param nonce nonce of the text encryption
     * @param ciphertext ciphertext of the UTF-8 text, without the tag
     * @param tag 128-bit GCM tag of the text encryption
     */
    public record Sealed(
            String keyId, byte[] wrappedKey, byte[] nonce, byte[] ciphertext, byte[] tag) {}

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }

    /** Returns the key id of a stored value without decrypting it. */
    public String keyIdOf(String stored, String context) {
        return parse(stored, context).keyId();
    }

    /**
     * Re-wraps the data key of a stored value under the active key. The text ciphertext and its
     * nonce stay as they are, so no plaintext is produced. Returns the value unchanged when it
     * already uses the active key.
     */
    public String rewrap(String stored, String context) {
        StoredValue value = parse(stored, context);
        if (value.keyId().equals(activeKeyId)) {
            return stored;
        }
        byte[] dataKey = unwrap(value, context);
        try {
            return format(
                    activeKeyId,
                    wrap(dataKey, activeKeyId, context),
                    value.nonce(),
                    value.ciphertext());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private byte[] wrap(byte[] dataKey, String keyId, String context) {
        byte[] nonce = randomBytes(NONCE_BYTES);
        byte[] wrapped = seal(masterKeys.get(keyId), nonce, wrapContext(keyId, context), dataKey);
        byte[] result = new byte[NONCE_BYTES + wrapped.length];
        System.arraycopy(nonce, 0, result, 0, NONCE_BYTES);
        System.arraycopy(wrapped, 0, result, NONCE_BYTES, wrapped.length);
        return result;
    }

    private byte[] unwrap(StoredValue value, String context) {
        SecretKey master = masterKeys.get(value.keyId());
        if (master == null) {
            throw new ContentDecryptionException(
                    "Decryption of "
                            + context
                            + " failed: key id '"
                            + value.keyId()
                            + "' is not in platform.encryption.keys; add the retired key back to"
                            + " read this value");
        }
        byte[] wrapped = value.wrappedKey();
        if (wrapped.length <= NONCE_BYTES) {
            throw new ContentDecryptionException(
                    "Decryption of " + context + " failed: the wrapped data key is truncated");
        }
        byte[] nonce = Arrays.copyOfRange(wrapped, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(wrapped, NONCE_BYTES, wrapped.length);
        try {
            return gcm(
                    Cipher.DECRYPT_MODE,
                    master,
                    nonce,
                    wrapContext(value.keyId(), context),
                    sealed);
        } catch (AEADBadTagException e) {
            throw new ContentDecryptionException(
                    "Decryption of " + context + " failed: the wrapped data key was altered", e);
        }
    }

    private static byte[] seal(SecretKey key, byte[] nonce, String associatedData, byte[] input) {
        try {
            return gcm(Cipher.ENCRYPT_MODE, key, nonce, associatedData, input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("AES-GCM encryption reported a tag failure", e);
        }
    }

    private static String wrapContext(String keyId, String context) {
        return keyId + "|" + context;
    }

    /** Runs AES-GCM; only decryption can fail authentication. */
    private static byte[] gcm(
            int mode, SecretKey key, byte[] nonce, String associatedData, byte[] input)
            throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            // AES/GCM/NoPadding is a mandatory JCA algorithm, so this means a broken runtime.
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String format(String keyId, byte[] wrappedKey, byte[] nonce, byte[] ciphertext) {
        Base64.Encoder base64 = Base64.getEncoder();
        return VERSION
                + ":"
                + keyId
                + ":"
                + base64.encodeToString(wrappedKey)
                + ":"
                + base64.encodeToString(nonce)
                + ":"
                + base64.encodeToString(ciphertext);
    }

    private static StoredValue parse(String stored, String context) {
        String[] fields = stored == null ? new String[0] : stored.split(":", -1);
        if (fields.length != 5 || !VERSION.equals(fields[0])) {
            throw new ContentDecryptionException(
                    "Decryption of "
                            + context
                            + " failed: the stored value is not in the "
                            + VERSION
                            + " format");
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] nonce = base64.decode(fields[3]);
            if (nonce.length != NONCE_BYTES) {
                throw new ContentDecryptionException(
                        "Decryption of "
                                + context
                                + " failed: the nonce has "
                                + nonce.length
                                + " bytes instead of "
                                + NONCE_BYTES);
            }
            return new StoredValue(
                    fields[1], base64.decode(fields[2]), nonce, base64.decode(fields[4]));
        } catch (IllegalArgumentException e) {
            throw new ContentDecryptionException(
                    "Decryption of " + context + " failed: a field is not valid Base64", e);
        }
    }

    private record StoredValue(String keyId, byte[] wrappedKey, byte[] nonce, byte[] ciphertext) {

        Sealed toSealed() {
            int split = ciphertext.length - TAG_BITS / 8;
            return new Sealed(
                    keyId,
                    wrappedKey,
                    nonce,
                    Arrays.copyOfRange(ciphertext, 0, split),
                    Arrays.copyOfRange(ciphertext, split, ciphertext.length));
        }
    }

    /** Leaves the keys out of logs. */
    @Override
    public String toString() {
        return "ContentCipher[activeKeyId=" + activeKeyId + ", keyIds=" + masterKeys.keySet() + "]";
    }
}
