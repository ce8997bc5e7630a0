package dev.scribe.writinganalysis.domain;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of stored responses, differentially private results and audit details. Decimals are read
 * back as {@link java.math.BigDecimal} with their scale, so that a stored {@code 0.600} is returned
 * as {@code 0.600} and not as {@code 0.6}.
 */
public final class StoredJson {

    private static final JsonMapper MAPPER =
            JsonMapper.builder()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                    .build();

    private StoredJson() {}

    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    public static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }
}
