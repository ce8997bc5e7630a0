package dev.scribe.platform.tests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Reads the shared essay, reflection and PII sets (one JSON object per line) from the folder named
 * by the system property {@code scribe.shared-data-dir}. A test that needs them is skipped, with
 * the path in the message, when the folder is missing.
 */
final class SharedData {

    static final String PROPERTY = "scribe.shared-data-dir";

    private SharedData() {}

    /** Returns the first {@code limit} records of {@code set/file} that pass {@code filter}. */
    static List<JsonNode> read(String set, String file, int limit, Predicate<JsonNode> filter) {
        String dir = System.getProperty(PROPERTY);
        assumeTrue(
                dir != null && Files.isDirectory(Path.of(dir)),
                "Skipped: the shared data folder ("
                        + PROPERTY
                        + "="
                        + dir
                        + ") is missing, so no real essays or reflections can be sent");
        Path path = Path.of(dir, set, file);
        assumeTrue(Files.isRegularFile(path), "Skipped: shared data file " + path + " is missing");

        List<JsonNode> records = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (records.size() >= limit) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = HttpCalls.MAPPER.readTree(line);
                if (filter.test(record)) {
                    records.add(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + path, e);
        }
        return records;
    }

    static List<JsonNode> essays(int limit) {
        return read("essays", "essays.jsonl", limit, record -> true);
    }

    static List<JsonNode> reflections(int limit) {
        return read("reflections", "reflections.jsonl", limit, record -> true);
    }

    /** Returns PII texts that contain at least one annotated span of {@code type}. */
    static List<JsonNode> piiWithSpan(String type, int limit) {
        return read(
                "pii",
                "pii.jsonl",
                limit,
                record -> {
                    for (JsonNode span : record.path("spans")) {
                        if (type.equals(span.path("type").asString())) {
                            return true;
                        }
                    }
                    return false;
                });
    }
}
