package dev.scribe.cli.analyze;

import dev.scribe.cli.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the texts to analyse from files. A file whose name ends in {@code .jsonl} contains one JSON
 * object per line with a string field {@code text} and an optional {@code id}, like the shared
 * essay and reflection sets; blank lines are skipped. Any other file is one plain UTF-8 text whose
 * id is the file name. Texts count as reflections when the file name contains "reflection" or the
 * caller asks for it.
 */
public final class InputReader {

    /** Ids longer than this are cut, so that a report line stays one line. */
    static final int MAX_ID_LENGTH = 64;

    private final JsonMapper mapper;

    public InputReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads all texts of {@code file}.
     *
     * @throws UsageException when the file is missing or unreadable, or a JSONL line is not an
     *     object with a string {@code text}; the message names the file and line, never the text
     */
    public List<AnalysisInput> read(Path file, boolean forceReflections) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("Input file " + file + " not found");
        }
        String fileName = file.getFileName().toString();
        boolean reflection =
                forceReflections || fileName.toLowerCase(Locale.ROOT).contains("reflection");

        try {
            if (fileName.endsWith(".jsonl")) {
                return readJsonLines(file, fileName, reflection);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return List.of(new AnalysisInput(shortenId(fileName), text, reflection));
        } catch (CharacterCodingException e) {
            throw new UsageException("Input file " + file + " is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UsageException(
                    "Failed to read input file " + file + ": " + e.getMessage(), e);
        }
    }

    private List<AnalysisInput> readJsonLines(Path file, String fileName, boolean reflection)
            throws IOException {
        List<AnalysisInput> inputs = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                inputs.add(parseLine(line, file, fileName, lineNumber, reflection));
            }
        }
        return inputs;
    }

    private AnalysisInput parseLine(
            String line, Path file, String fileName, int lineNumber, boolean reflection) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JacksonException e) {
            throw new UsageException(
                    file
                            + " line "
                            + lineNumber
                            + ": invalid JSON ("
                            + e.getOriginalMessage()
                            + ")",
                    e);
        }
        if (!node.isObject()) {
            throw new UsageException(file + " line " + lineNumber + ": expected a JSON object");
        }

        JsonNode text = node.path("text");
        if (!text.isString()) {
            throw new UsageException(
                    file + " line " + lineNumber + ": missing string field 'text'");
        }

        JsonNode id = node.path("id");
        String idValue =
                id.isString() || id.isNumber() ? id.asString() : fileName + ":" + lineNumber;
        return new AnalysisInput(shortenId(idValue), text.stringValue(), reflection);
    }

    private static String shortenId(String id) {
        String oneLine = id.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_ID_LENGTH ? oneLine : oneLine.substring(0, MAX_ID_LENGTH);
    }
}
