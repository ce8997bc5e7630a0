package dev.scribe.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies prepared before a run, so that no JSON is built while load is generated: patterns
 * and sensitivity bodies from essays, reflection bodies from reflections. Each input file has one
 * JSON object per line with a string field {@code text}.
 */
public final class RequestCatalog {

    private final Map<Operation, List<byte[]>> bodies;

    RequestCatalog(Map<Operation, List<byte[]>> bodies) {
        this.bodies = bodies;
        for (Operation operation : Operation.values()) {
            if (bodies.getOrDefault(operation, List.of()).isEmpty()) {
                throw new IllegalArgumentException("No request bodies for " + operation.label());
            }
        }
    }

    /** Builds the bodies for the subject {@code userId} from the two JSONL files. */
    public static RequestCatalog fromFiles(
            Path essays, Path reflections, String userId, JsonMapper mapper) {
        List<String> essayTexts = readTexts(essays, mapper);
        List<String> reflectionTexts = readTexts(reflections, mapper);
        Map<Operation, List<byte[]>> bodies = new EnumMap<>(Operation.class);

        List<byte[]> patterns = new ArrayList<>();
        List<byte[]> sensitivity = new ArrayList<>();
        for (String text : essayTexts) {
            ObjectNode pattern = mapper.createObjectNode();
            pattern.put("content", text);
            pattern.put("userId", userId);
            pattern.put("purpose", "writing_improvement");
            patterns.add(mapper.writeValueAsBytes(pattern));

            ObjectNode classification = mapper.createObjectNode();
            classification.put("content", text);
            classification.putObject("context").put("contentType", "essay");
            sensitivity.add(mapper.writeValueAsBytes(classification));
        }

        List<byte[]> reflection = new ArrayList<>();
        for (String text : reflectionTexts) {
            ObjectNode body = mapper.createObjectNode();
            body.put("reflection", text);
            body.put("userId", userId);
            body.put("purpose", "reflection_assessment");
            reflection.add(mapper.writeValueAsBytes(body));
        }

        bodies.put(Operation.PATTERNS, patterns);
        bodies.put(Operation.SENSITIVITY, sensitivity);
        bodies.put(Operation.REFLECTION, reflection);
        return new RequestCatalog(bodies);
    }

    /** Returns the body for the {@code index}-th request of an operation, cycling the inputs. */
    public byte[] body(Operation operation, long index) {
        List<byte[]> list = bodies.get(operation);
        return list.get((int) Math.floorMod(index, (long) list.size()));
    }

    public int size(Operation operation) {
        return bodies.get(operation).size();
    }

    static List<String> readTexts(Path file, JsonMapper mapper) {
        List<String> texts = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode text = mapper.readTree(line).path("text");
                if (!text.isString()) {
                    throw new IllegalArgumentException(
                            file + " line " + lineNumber + ": missing string field 'text'");
                }
                texts.add(text.stringValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file, e);
        }
        return texts;
    }
}
