package dev.scribe.writinganalysis.config;

import dev.scribe.writinganalysis.domain.ContentCipher;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link ContentCipher} from {@code platform.encryption.*}. Only the embedded profile
 * (no Spring profile active) may fall back to a development key file. Every other profile needs
 * configured keys, so that no deployment encrypts real data under an unmanaged key.
 */
final class EncryptionKeys {

    private static final Logger log = LoggerFactory.getLogger(EncryptionKeys.class);

    static final String DEVELOPMENT_KEY_FILE = "encryption.key";

    /** Key id of the development key file. */
    static final String DEVELOPMENT_KEY_ID = "dev-file-1";

    private EncryptionKeys() {}

    /**
     * Returns the cipher over the configured keys, or over the development key when the embedded
     * profile runs without keys.
     *
     * @throws IllegalStateException when keys are missing outside the embedded profile
     * @throws IllegalArgumentException when a key or the active key id is invalid
     */
    static ContentCipher resolve(
            EncryptionProperties properties, String[] activeProfiles, Path dataDir) {
        if (!properties.keys().isEmpty()) {
            if (properties.activeKeyId() == null || properties.activeKeyId().isBlank()) {
                throw new IllegalStateException(
                        "platform.encryption.active-key-id is missing; set it to one of the ids"
                                + " in platform.encryption.keys "
                                + properties.keys().keySet());
            }
            return new ContentCipher(decode(properties.keys()), properties.activeKeyId());
        }

        if (properties.activeKeyId() != null) {
            throw new IllegalStateException(
                    "platform.encryption.active-key-id is '"
                            + properties.activeKeyId()
                            + "' but platform.encryption.keys is empty; add the key as"
                            + " platform.encryption.keys."
                            + properties.activeKeyId()
                            + "=<Base64 of 32 random bytes>");
        }
        DevelopmentKeyFiles.requireEmbeddedProfile(
                "platform.encryption.keys and platform.encryption.active-key-id are",
                "Set for example platform.encryption.keys.k1=<Base64 of 32 random bytes> and"
                        + " platform.encryption.active-key-id=k1.",
                activeProfiles);

        Path file = dataDir.resolve(DEVELOPMENT_KEY_FILE);
        log.warn(
                "platform.encryption.keys is not set; encrypting with the development key in {}."
                        + " Set managed keys outside development.",
                file);
        return new ContentCipher(
                Map.of(DEVELOPMENT_KEY_ID, DevelopmentKeyFiles.loadOrCreate(file)),
                DEVELOPMENT_KEY_ID);
    }

    private static Map<String, byte[]> decode(Map<String, String> configured) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : configured.entrySet()) {
            try {
                keys.put(entry.getKey(), Base64.getDecoder().decode(entry.getValue().trim()));
            } catch (IllegalArgumentException e) {
                // The message leaves the value out: it is a secret even when malformed.
                throw new IllegalArgumentException(
                        "platform.encryption.keys."
                                + entry.getKey()
                                + " is not valid Base64; expected the Base64 of 32 random bytes");
            }
        }
        return keys;
    }
}
