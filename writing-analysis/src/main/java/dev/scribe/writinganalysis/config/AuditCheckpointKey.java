package dev.scribe.writinganalysis.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secret that signs audit checkpoints, kept apart from the pseudonymization key. The configured key
 * wins; without one, a development key in the data directory is used, with a warning.
 */
public final class AuditCheckpointKey {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointKey.class);

    static final String DEVELOPMENT_KEY_FILE = "audit-checkpoint.key";

    private final byte[] secret;

    private AuditCheckpointKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /** Returns a copy of the key bytes. */
    public byte[] bytes() {
        return secret.clone();
    }

    /**
     * Returns the configured key, or in the embedded profile the development key stored under
     * {@code dataDir}.
     *
     * @param activeProfiles the active Spring profiles; none means the embedded profile
     * @throws IllegalArgumentException when the configured key is shorter than 32 characters
     * @throws IllegalStateException when no key is configured and a profile is active
     */
    public static AuditCheckpointKey resolve(
            @Nullable String configured, Path dataDir, String[] activeProfiles) {
        if (configured != null) {
            if (configured.length() < PseudonymizationKey.MIN_LENGTH) {
                throw new IllegalArgumentException(
                        "platform.privacy.audit-checkpoint-key is too short: "
                                + configured.length()
                                + " characters, at least "
                                + PseudonymizationKey.MIN_LENGTH
                                + " required");
            }
            return new AuditCheckpointKey(configured.getBytes(StandardCharsets.UTF_8));
        }

        DevelopmentKeyFiles.requireEmbeddedProfile(
                "platform.privacy.audit-checkpoint-key is",
                "Set it to a managed secret of at least "
                        + PseudonymizationKey.MIN_LENGTH
                        + " characters.",
                activeProfiles);
        Path file = dataDir.resolve(DEVELOPMENT_KEY_FILE);
        log.warn(
                "platform.privacy.audit-checkpoint-key is not set; using the development key in"
                        + " {}. Set a managed secret outside development.",
                file);
        return new AuditCheckpointKey(DevelopmentKeyFiles.loadOrCreate(file));
    }

    /** Leaves the secret out of logs. */
    @Override
    public String toString() {
        return "AuditCheckpointKey[" + secret.length + " bytes]";
    }
}
