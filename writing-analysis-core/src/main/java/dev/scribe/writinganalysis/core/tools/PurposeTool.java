package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.purpose.PurposeValidation;
import dev.scribe.writinganalysis.core.purpose.PurposeValidator;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scores a free-text justification for access to data types ({@code validate_educational_purpose}).
 * Target ids are only counted, never looked up or stored.
 */
final class PurposeTool implements Tool {

    private final ToolSupport support;
    private final PurposeValidator validator;

    PurposeTool(ToolSupport support, PurposeValidator validator) {
        this.support = support;
        this.validator = validator;
    }

    @Override
    public ToolResult run(CallContext context, JsonNode arguments) {
        String purposeText = arguments.get("purpose").stringValue();
        List<String> requestedData = strings(arguments.get("requestedData"));
        String requesterRole = arguments.get("requesterRole").stringValue();
        List<String> targetUsers = strings(arguments.get("targetUsers"));

        AccessRequest request =
                new AccessRequest(
                        Operation.VALIDATE_EDUCATIONAL_PURPOSE,
                        null,
                        "purpose_validation",
                        null,
                        "analyze",
                        null,
                        null);
        Role callerRole = context.caller().role();
        boolean mayActForOthers = callerRole == Role.ADMINISTRATOR || callerRole == Role.SYSTEM;
        if (!mayActForOthers) {
            support.access()
                    .requireIdentity(
                            context,
                            request,
                            "requesterRole",
                            requesterRole.equals(callerRole.toolName()));
        }
        support.access().authorizeAnyRole(context, request);

        PurposeValidation validation =
                validator.validate(
                        purposeText,
                        requestedData,
                        requesterRole,
                        targetUsers,
                        context.caller().id());

        ObjectNode details = support.baseDetails(context, request, false);
        details.put("requesterRole", requesterRole);
        details.set("requestedData", Json.mapper().valueToTree(requestedData));
        details.put("targetCount", targetUsers.size());
        details.put("valid", validation.valid());
        details.set("score", Json.decimal(validation.score()));
        support.auditSuccess(context, request, "authorization", null, false, details);

        ObjectNode payload = Json.object();
        payload.put("valid", validation.valid());
        payload.set("score", Json.decimal(validation.score()));
        payload.put("requesterRole", requesterRole);
        payload.put("approvalRequired", validation.approvalRequired());
        payload.set("requestedData", Json.mapper().valueToTree(requestedData));
        support.events()
                .domain(
                        context,
                        request.operation(),
                        "purpose.validated",
                        null,
                        support.scope(request, false, EventScope.AUDIT_DAYS),
                        payload);

        return new ToolResult(Json.mapper().valueToTree(validation), List.of());
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            for (JsonNode item : array) {
                values.add(item.stringValue());
            }
        }
        return values;
    }
}
