package dev.scribe.writinganalysis.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
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
     * Returns the configured key, or the development key stored under {@code dataDir} (created on
     * first use).
     *
     * @throws IllegalArgumentException when the configured key is shorter than 32 characters
     */
    public static PseudonymizationKey resolve(String configured, Path dataDir) {
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

        Path file = dataDir.resolve(DEVELOPMENT_KEY_FILE);
        log.warn(
                "platform.privacy.pseudonymization-key is not set; using the development key in"
                        + " {}. Set a managed secret outside development.",
                file);
        return new PseudonymizationKey(loadOrCreate(file));
    }

    private static synchronized byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }

            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "key", ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret));
            try {
                // Another instance may create the file at the same moment; the first one wins and
                // every instance then reads that one.
                Files.move(temporary, file);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.deleteIfExists(temporary);
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development key " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // NOTE: on file systems without POSIX permissions the key file keeps default access.
        }
    }

    /** Leaves the secret out of logs. */
    @Override
    public String toString() {
        return "PseudonymizationKey[" + secret.length + " bytes]";
    }
}
