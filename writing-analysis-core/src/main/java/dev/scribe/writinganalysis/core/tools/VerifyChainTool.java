package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.audit.ChainVerification;
import dev.scribe.writinganalysis.core.audit.ChainVerifier;
import dev.scribe.writinganalysis.core.json.Json;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Recomputes the audit chain over a range, for administrators only. A range with {@code from} after
 * {@code to} is invalid, but a range that starts beyond the head is valid and empty.
 */
final class VerifyChainTool implements Tool {

    private final ToolSupport support;
    private final ChainVerifier verifier;

    VerifyChainTool(ToolSupport support, ChainVerifier verifier) {
        this.support = support;
        this.verifier = verifier;
    }

    @Override
    public ToolResult run(CallContext context, JsonNode arguments) {
        AccessRequest request =
                new AccessRequest(
                        Operation.VERIFY_AUDIT_CHAIN,
                        null,
                        "audit_trail",
                        null,
                        "read",
                        null,
                        null);
        support.access().authorizeAdministrator(context, request);

        Long from = arguments.has("from") ? arguments.get("from").longValue() : null;
        Long to = arguments.has("to") ? arguments.get("to").longValue() : null;
        if (from != null && to != null && from > to) {
            throw ToolException.invalid("from", "from <= to", Long.toString(from));
        }

        ChainVerification result = verifier.verify(from, to);

        ObjectNode output = Json.object();
        output.put("from", result.from());
        output.put("to", result.to());
        output.put("entriesChecked", result.entriesChecked());
        output.put("checkpointsChecked", result.checkpointsChecked());
        output.put("valid", result.valid());
        if (result.firstInvalidSeq() != null) {
            output.put("firstInvalidSeq", result.firstInvalidSeq());
        }
        output.put("lastCheckpointSeq", result.lastCheckpointSeq());
        return new ToolResult(output, List.of());
    }
}
