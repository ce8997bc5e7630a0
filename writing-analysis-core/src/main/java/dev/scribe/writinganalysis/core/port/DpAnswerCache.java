package dev.scribe.writinganalysis.core.port;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Storage of released differentially private answers (data class {@code analytics}). */
public interface DpAnswerCache {

    Optional<JsonNode> find(DpQueryKey key);

    void store(DpQueryKey key, JsonNode answer);
}
