package dev.scribe.writinganalysis.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives a test context an H2 file database of its own. Setting {@code platform.data-dir} in a
 * subclass does not work for this, because the base class's value for it wins, so the database URL
 * is set instead.
 */
final class OwnDatabase {

    private OwnDatabase() {}

    /** Registers a fresh H2 file database in a new temporary directory. */
    static void register(DynamicPropertyRegistry registry, String prefix) throws IOException {
        Path directory = Files.createTempDirectory(prefix);
        registry.add(
                "spring.datasource.url",
                () ->
                        "jdbc:h2:file:"
                                + directory.resolve("writing-analysis")
                                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000");
    }
}
