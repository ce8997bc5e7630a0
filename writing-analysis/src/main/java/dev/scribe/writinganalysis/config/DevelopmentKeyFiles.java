package dev.scribe.writinganalysis.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Random 256-bit development secrets kept as Base64 files in the data directory, readable by the
 * owner only. Instances that share the data directory, and later runs, read the same secret. Only
 * the embedded profile uses them.
 */
final class DevelopmentKeyFiles {

    private static final int KEY_BYTES = 32;

    private DevelopmentKeyFiles() {}

    /**
     * Rejects the development key outside the embedded profile, which is the only one that runs
     * without an active Spring profile.
     *
     * @param missing the missing settings, as the message's subject ("x is", "x and y are")
     * @param fix what to set instead, as a sentence
     * @throws IllegalStateException when a profile is active
     */
    static void requireEmbeddedProfile(String missing, String fix, String[] activeProfiles) {
        if (activeProfiles.length > 0) {
            throw new IllegalStateException(
                    missing
                            + " not set. Only the embedded profile (no active Spring profile) may"
                            + " use a development key, and the active profiles are "
                            + Arrays.toString(activeProfiles)
                            + ". "
                            + fix);
        }
    }

    /** Reads the secret in {@code file}, creating it first when it does not exist. */
    static synchronized byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }

            byte[] secret = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(secret);
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "key", ".tmp");
            restrictToOwner(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(secret));
            try {
                // Another instance may create the file at the same moment; the first one wins and
                // every instance then reads that one.
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException e) {
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
}
