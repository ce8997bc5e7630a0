package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.sensitivity.Classification;
import dev.scribe.writinganalysis.core.sensitivity.SensitiveElement;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import dev.scribe.writinganalysis.core.validation.SemanticChecks;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Classifies content sensitivity ({@code classify_content_sensitivity}). Nothing is stored and
 * there is no subject, so no audit entry is written; only {@code content.classified} is published.
 */
final class ClassifyTool implements Tool {

    private final ToolSupport support;
    private final SensitivityClassifier classifier;

    ClassifyTool(ToolSupport support, SensitivityClassifier classifier) {
        this.support = support;
        this.classifier = classifier;
    }

    @Override
    public ToolResult run(CallContext context, JsonNode arguments) {
        String content = arguments.get("content").stringValue();
        JsonNode contextNode = arguments.get("context");
        String contentType =
                contextNode != null && contextNode.has("contentType")
                        ? contextNode.get("contentType").stringValue()
                        : "essay";
        AccessRequest request =
                new AccessRequest(
                        Operation.CLASSIFY_CONTENT_SENSITIVITY,
                        null,
                        "content_classification",
                        null,
                        "analyze",
                        null,
                        null);
        SemanticChecks.requireToken("content", content);
        support.access().authorizeAnyRole(context, request);

        Classification classification = classifier.classify(content);
        publishClassified(support, context, request, classification, contentType);

        ObjectNode output = classificationJson(classification);
        output.put("classificationTimestamp", Json.timestamp(support.now()));
        return new ToolResult(output, List.of());
    }

    /** Builds the classification fields of the tool output, without the timestamp. */
    static ObjectNode classificationJson(Classification classification) {
        ObjectNode output = Json.object();
        output.put("sensitivityLevel", classification.sensitivityLevel().wireName());
        output.set("sensitivityScore", Json.decimal(classification.sensitivityScore()));
        ArrayNode elements = output.putArray("sensitiveElements");
        for (SensitiveElement element : classification.sensitiveElements()) {
            ObjectNode item = elements.addObject();
            item.put("type", element.type());
            item.put("text", element.text());
            item.put("startIndex", element.startIndex());
            item.put("endIndex", element.endIndex());
            item.set("confidence", Json.decimal(element.confidence()));
        }
        output.set("recommendations", Json.mapper().valueToTree(classification.recommendations()));
        output.put("redactedContent", classification.redactedContent());
        output.put("manualReviewRequired", classification.manualReviewRequired());
        return output;
    }

    /** Publishes {@code content.classified} with level, element count and types, never text. */
    static void publishClassified(
            ToolSupport support,
            CallContext context,
            AccessRequest request,
            Classification classification,
            String contentType) {
        Set<String> types = new LinkedHashSet<>();
        for (SensitiveElement element : classification.sensitiveElements()) {
            types.add(element.type());
        }
        ObjectNode payload = Json.object();
        payload.put("sensitivityLevel", classification.sensitivityLevel().wireName());
        payload.put("elementCount", classification.sensitiveElements().size());
        payload.set("elementTypes", Json.mapper().valueToTree(List.copyOf(types)));
        payload.put("contentType", contentType);
        support.events()
                .domain(
                        context,
                        request.operation(),
                        "content.classified",
                        request.subjectId(),
                        support.scope(request, false, EventScope.WRITING_CONTENT_DAYS),
                        payload);
    }
}
