package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.Meta;
import dev.scribe.platform.web.SuccessEnvelope;
import dev.scribe.writinganalysis.core.api.ToolResult;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Success responses of the service, always produced by the remote tier. */
final class Envelopes {

    static final String SERVICE_TIER = "X-Service-Tier";

    private Envelopes() {}

    static ResponseEntity<SuccessEnvelope<JsonNode>> success(
            HttpServletRequest request, ToolResult result) {
        Meta meta = Meta.remote(result.notices(), RequestAttributes.correlationId(request));
        return ResponseEntity.ok()
                .header(SERVICE_TIER, meta.tier().wireName())
                .contentType(MediaType.APPLICATION_JSON)
                .body(SuccessEnvelope.of(result.output(), meta));
    }

    /** The legacy envelope; {@code mappingNotices} come before the engine's own notices. */
    static ResponseEntity<LegacySuccessBody> legacySuccess(
            HttpServletRequest request,
            ToolResult result,
            List<String> mappingNotices,
            String message) {
        List<String> notices = new ArrayList<>(mappingNotices);
        notices.addAll(result.notices());
        Meta meta = Meta.remote(notices, RequestAttributes.correlationId(request));
        return ResponseEntity.ok()
                .header(SERVICE_TIER, meta.tier().wireName())
                .contentType(MediaType.APPLICATION_JSON)
                .body(
                        new LegacySuccessBody(
                                true,
                                result.output(),
                                meta,
                                message,
                                ErrorResponses.SERVICE_USED_REMOTE));
    }
}
