package dev.scribe.cli.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Random dev secrets (demo password, client secrets) kept as one-line files, owner-only. */
final class DevSecrets {

    /** 18 random bytes give 24 URL-safe Base64 characters. */
    static final int DEMO_PASSWORD_BYTES = 18;

    /** 32 random bytes (256 bits) give 43 URL-safe Base64 characters. */
    static final int CLIENT_SECRET_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private DevSecrets() {}

    /**
     * Writes a new random secret to {@code file} unless it exists.
     *
     * @return true when the file existed and was kept
     */
    static boolean createIfMissing(Path file, int randomBytes) {
        if (Files.exists(file)) {
            return true;
        }
        byte[] secret = new byte[randomBytes];
        RANDOM.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "secret", ".tmp");
            try {
                Files.setPosixFilePermissions(
                        temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // NOTE: on file systems without POSIX permissions the file keeps default access.
            }
            Files.writeString(temporary, value + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException e) {
                // Another run created it meanwhile; that one is kept.
                Files.deleteIfExists(temporary);
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the secret file " + file, e);
        }
    }
}
