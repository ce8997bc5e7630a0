package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.platform.web.Meta;
import dev.scribe.platform.web.SuccessEnvelope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.service.DegradedOutboxReplay;
import dev.scribe.writinganalysis.service.ServiceException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replay of a gateway's durable outbox ({@code POST /internal/degraded-outbox}). Only platform
 * services call it: the service token needs scope {@code api:invoke}, and no user assertion is read
 * because the records describe requests that the gateway already authenticated. The gateway sends
 * one decrypted entry per request, oldest first, and deletes it after a 200.
 */
@RestController
public class DegradedOutboxController {

    public static final String PATH = "/internal/degraded-outbox";

    private final DegradedOutboxReplay replay;

    public DegradedOutboxController(DegradedOutboxReplay replay) {
        this.replay = replay;
    }

    /**
     * Stores one entry. The body is {@code {outboxId, kind, createdAt, payload}} with kind {@code
     * audit} (payload: the audit entry the local tier built) or {@code event} (payload: the event
     * envelope). A repeated outbox id gets 200 with {@code stored: false}.
     */
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SuccessEnvelope<JsonNode>> replay(
            @RequestBody JsonNode body, HttpServletRequest request) {
        String outboxId = uuid(body.get("outboxId"));
        String kind = kind(body.get("kind"));
        Instant createdAt = instant(body.get("createdAt"));
        JsonNode payload = body.get("payload");
        if (payload == null || !payload.isObject()) {
            throw invalid("payload", "must be a JSON object");
        }

        DegradedOutboxReplay.Outcome outcome = replay.replay(outboxId, kind, createdAt, payload);

        ObjectNode data = Json.object();
        data.put("outboxId", outboxId);
        data.put("stored", outcome.stored());
        if (outcome.auditSeq() != null) {
            data.put("auditSeq", outcome.auditSeq());
        }
        Meta meta = Meta.remote(List.of(), RequestAttributes.correlationId(request));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(SuccessEnvelope.of(data, meta));
    }

    private static String uuid(JsonNode value) {
        if (value == null || !value.isString()) {
            throw invalid("outboxId", "must be a UUID string");
        }
        try {
            return UUID.fromString(value.stringValue()).toString();
        } catch (IllegalArgumentException e) {
            throw invalid("outboxId", "must be a UUID string");
        }
    }

    private static String kind(JsonNode value) {
        if (value == null
                || !value.isString()
                || !DegradedOutboxReplay.KINDS.contains(value.stringValue())) {
            throw invalid("kind", "must be one of " + DegradedOutboxReplay.KINDS);
        }
        return value.stringValue();
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isString()) {
            throw invalid("createdAt", "must be an RFC 3339 timestamp");
        }
        try {
            return Instant.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            throw invalid("createdAt", "must be an RFC 3339 timestamp");
        }
    }

    private static ServiceException invalid(String field, String problem) {
        return new ServiceException(
                ErrorCode.INVALID_ARGUMENT,
                "The outbox entry is invalid: " + field + " " + problem + ".",
                List.of(new ErrorDetail(field, problem)));
    }
}
