package dev.scribe.writinganalysis.core.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The engine's shared JSON mapper and small helpers for building output trees. */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {}

    /** Returns the shared mapper, which is thread-safe and immutable. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** ISO-8601 UTC with exactly three fraction digits and a {@code Z} suffix. */
    public static String timestamp(Instant instant) {
        return MILLIS.format(instant);
    }

    /**
     * A decimal node that keeps the scale of {@code value}, so 5 with scale 2 writes {@code 5.00}.
     */
    public static tools.jackson.databind.JsonNode decimal(BigDecimal value) {
        return JsonNodeFactory.instance.numberNode(value);
    }
}
