package dev.scribe.writinganalysis.api;

import dev.scribe.writinganalysis.core.api.ToolException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A legacy request body being mapped onto a tool input. It records which fields the mapping read,
 * so that every other field can be reported with a {@code FIELD_IGNORED:<path>} notice.
 */
final class LegacyBody {

    static final String FIELD_IGNORED = "FIELD_IGNORED:";

    private final JsonNode body;
    private final Set<String> usedPaths = new HashSet<>();
    private final Set<String> usedParents = new HashSet<>();

    private LegacyBody(JsonNode body) {
        this.body = body;
    }

    /**
     * Wraps the body.
     *
     * @throws ToolException {@code INVALID_ARGUMENT} when the body is not a JSON object
     */
    static LegacyBody of(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            String type = body == null ? "missing" : body.getNodeType().name().toLowerCase();
            throw ToolException.invalid("body", "must be a JSON object", type);
        }
        return new LegacyBody(body);
    }

    /**
     * Returns the value at the dotted {@code path} and marks it as used, or null when it is absent
     * or JSON null.
     */
    @Nullable JsonNode use(String path) {
        usedPaths.add(path);
        JsonNode node = body;
        String[] names = path.split("\\.");
        StringBuilder parent = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                usedParents.add(parent.toString());
                parent.append('.');
            }
            parent.append(names[i]);
            node = node.path(names[i]);
        }
        return node.isMissingNode() || node.isNull() ? null : node;
    }

    /** Returns the text at {@code path} when it is a string, else null; marks it as used. */
    @Nullable String useText(String path) {
        JsonNode node = use(path);
        return node != null && node.isString() ? node.asString() : null;
    }

    /** Returns one {@code FIELD_IGNORED} notice per field that the mapping did not read. */
    List<String> ignoredFieldNotices() {
        List<String> notices = new ArrayList<>();
        collectIgnored(body, "", notices);
        return notices;
    }

    private void collectIgnored(JsonNode node, String prefix, List<String> notices) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (usedPaths.contains(path)) {
                continue;
            }
            if (field.getValue().isObject() && usedParents.contains(path)) {
                collectIgnored(field.getValue(), path, notices);
            } else {
                notices.add(FIELD_IGNORED + path);
            }
        }
    }
}
