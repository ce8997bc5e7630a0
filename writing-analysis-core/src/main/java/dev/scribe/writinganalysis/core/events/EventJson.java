package dev.scribe.writinganalysis.core.events;

import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import tools.jackson.databind.node.ObjectNode;

/** JSON form of the platform event envelope, as an outbox or bus stores and sends it. */
public final class EventJson {

    private EventJson() {}

    /**
     * Converts the envelope to its JSON object; {@code occurredAt} is ISO-8601 UTC with
     * milliseconds, {@code keyId} appears only for encrypted payloads and {@code category} only for
     * privacy events.
     */
    public static ObjectNode toJson(EventEnvelope event) {
        ObjectNode node = Json.object();
        node.put("eventId", event.eventId());
        node.put("type", event.type());
        node.put("version", event.version());
        node.put("occurredAt", Json.timestamp(event.occurredAt()));
        node.put("producer", event.producer());
        node.put("correlationId", event.correlationId());
        node.put("traceparent", event.traceparent());
        node.put("subjectPseudonym", event.subjectPseudonym());
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("courseId", event.metadata().courseId());
        metadata.put("assignmentId", event.metadata().assignmentId());
        metadata.put("source", event.metadata().source());
        node.put("privacyLevel", event.privacyLevel());
        ObjectNode privacy = node.putObject("privacyContext");
        privacy.put("dataMinimized", event.privacyContext().dataMinimized());
        privacy.put("consentVerified", event.privacyContext().consentVerified());
        privacy.put("educationalPurpose", event.privacyContext().educationalPurpose());
        privacy.put("retentionPeriodDays", event.privacyContext().retentionPeriodDays());
        node.put("encrypted", event.encrypted());
        if (event.encrypted()) {
            node.put("keyId", event.keyId());
        }
        if (event.category() != null) {
            node.put("category", event.category());
        }
        node.set("payload", event.payload().deepCopy());
        return node;
    }
}
