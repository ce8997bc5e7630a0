package dev.scribe.writinganalysis.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the shared evaluation texts (JSON Lines) from the folder named by the system property
 * {@code scribe.shared-data-dir}. Tests that call it are skipped when the folder is missing.
 */
final class SharedData {

    static final String PROPERTY = "scribe.shared-data-dir";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A labelled span of a PII text, with offsets in UTF-16 code units. */
    record LabelledSpan(int start, int end, String type) {}

    record Entry(String id, String text, List<LabelledSpan> spans) {}

    private SharedData() {}

    /** Loads {@code <dir>/<relativePath>}, or skips the calling test if it is missing. */
    static List<Entry> load(String relativePath) {
        String dir = System.getProperty(PROPERTY);
        Assumptions.assumeTrue(
                dir != null,
                "System property " + PROPERTY + " is not set; skipping real-data tests");
        Path file = Path.of(dir).resolve(relativePath);
        Assumptions.assumeTrue(
                Files.isRegularFile(file),
                "Shared data file " + file + " not found; skipping real-data tests");

        try {
            List<Entry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = MAPPER.readTree(line);
                entries.add(
                        new Entry(
                                node.get("id").asString(),
                                node.get("text").asString(),
                                spans(node.get("spans"))));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file, e);
        }
    }

    /**
     * Reads labelled spans. The source offsets are Python string indices (code points); they equal
     * UTF-16 offsets only for text without supplementary characters, which the caller checks.
     */
    private static List<LabelledSpan> spans(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<LabelledSpan> spans = new ArrayList<>();
        for (JsonNode span : node) {
            spans.add(
                    new LabelledSpan(
                            span.get("start").intValue(),
                            span.get("end").intValue(),
                            span.get("type").asString()));
        }
        return spans;
    }

    static Entry byId(List<Entry> entries, String id) {
        return entries.stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No shared-data entry with id " + id));
    }
}
