package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.port.DpAnswerCache;
import dev.scribe.writinganalysis.core.port.DpQueryKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/** Cache of differentially private answers kept in memory. */
public final class InMemoryDpAnswerCache implements DpAnswerCache {

    private final Map<DpQueryKey, JsonNode> answers = new ConcurrentHashMap<>();

    @Override
    public Optional<JsonNode> find(DpQueryKey key) {
        return Optional.ofNullable(answers.get(key)).map(JsonNode::deepCopy);
    }

    @Override
    public void store(DpQueryKey key, JsonNode answer) {
        answers.put(key, answer.deepCopy());
    }
}
