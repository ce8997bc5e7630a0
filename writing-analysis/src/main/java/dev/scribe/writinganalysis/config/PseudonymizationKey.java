package dev.scribe.writinganalysis.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secret of the pseudonym function (HMAC-SHA-256 of user ids). The configured key wins. Without
 * one, a random development key is created in the data directory. Instances that share the data
 * directory, and later runs, then produce the same pseudonyms.
 */
public final class PseudonymizationKey {

    private static final Logger log = LoggerFactory.getLogger(PseudonymizationKey.class);

    /** Shortest accepted configured key, in characters. */
    static final int MIN_LENGTH = 32;

    static final String DEVELOPMENT_KEY_FILE = "pseudonymization.key";

    private final byte[] secret;

    private PseudonymizationKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /** Returns a copy of the key bytes. */
    public byte[] bytes() {
        return secret.clone();
    }

    /**
     * Returns the configured key, or in the embedded profile the development key stored under
     * {@code dataDir} (created on first use).
     *
     * @param activeProfiles the active Spring profiles; none means the embedded profile
     * @throws IllegalArgumentException when the configured key is shorter than 32 characters
     * @throws IllegalStateException when no key is configured and a profile is active
     */
    public static PseudonymizationKey resolve(
            String configured, Path dataDir, String[] activeProfiles) {
        if (configured != null) {
            if (configured.length() < MIN_LENGTH) {
                throw new IllegalArgumentException(
                        "platform.privacy.pseudonymization-key is too short: "
                                + configured.length()
                                + " characters, at least "
                                + MIN_LENGTH
                                + " required");
            }
            return new PseudonymizationKey(configured.getBytes(StandardCharsets.UTF_8));
        }

        DevelopmentKeyFiles.requireEmbeddedProfile(
                "platform.privacy.pseudonymization-key is",
                "Set it to a managed secret of at least " + MIN_LENGTH + " characters.",
                activeProfiles);
        Path file = dataDir.resolve(DEVELOPMENT_KEY_FILE);
        log.warn(
                "platform.privacy.pseudonymization-key is not set; using the development key in"
                        + " {}. Set a managed secret outside development.",
                file);
        return new PseudonymizationKey(DevelopmentKeyFiles.loadOrCreate(file));
    }

    /** Leaves the secret out of logs. */
    @Override
    public String toString() {
        return "PseudonymizationKey[" + secret.length + " bytes]";
    }
}
