package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.platform.web.ErrorBody;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.platform.web.Meta;
import dev.scribe.writinganalysis.core.WritingAnalysisEngine;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.service.ServiceException;
import dev.scribe.writinganalysis.service.ToolInvoker;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The eight engine tools as MCP tools. A call runs through the same {@link ToolInvoker} as the HTTP
 * routes (one transaction, the same metrics), so one input gives the same output over both
 * interfaces. Tool failures become results with {@code isError: true} that hold the platform error
 * body; only protocol errors such as an unknown tool stay JSON-RPC errors.
 */
@Component
public class McpTools {

    private static final Logger log = LoggerFactory.getLogger(McpTools.class);

    /** Transport context key of the caller's {@link CallContext}. */
    static final String CALL_CONTEXT = "scribe.callContext";

    /** Transport context key of a {@link ServiceException} raised while reading the headers. */
    static final String CONTEXT_FAILURE = "scribe.contextFailure";

    /** Request {@code _meta} key of the access justification, the MCP form of the header. */
    static final String ACCESS_JUSTIFICATION_META = "accessJustification";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {};

    private final WritingAnalysisEngine engine;
    private final ToolInvoker invoker;
    private final JsonMapper jsonMapper;

    public McpTools(WritingAnalysisEngine engine, ToolInvoker invoker, JsonMapper jsonMapper) {
        this.engine = engine;
        this.invoker = invoker;
        this.jsonMapper = jsonMapper;
    }

    /**
     * Returns the transport context of one HTTP request: the call context built from the verified
     * assertion and the headers, exactly as for the HTTP routes. The user assertion filter has run
     * before, so every request that reaches the MCP servlet has a verified caller.
     */
    public static McpTransportContext transportContext(HttpServletRequest request) {
        Map<String, Object> values = new HashMap<>();
        try {
            values.put(CALL_CONTEXT, CallContexts.of(request));
        } catch (ServiceException e) {
            values.put(CONTEXT_FAILURE, e);
        }
        return McpTransportContext.create(values);
    }

    /** Source of the call context of one tool call. */
    @FunctionalInterface
    public interface CallContextSource {

        /**
         * Returns the context of the call.
         *
         * @throws ServiceException when a header of the request is invalid
         */
        CallContext contextOf(McpSyncServerExchange exchange);
    }

    /**
     * Returns the call context that {@link #transportContext} stored for the HTTP request of the
     * call.
     */
    public static CallContext fromTransportContext(McpSyncServerExchange exchange) {
        McpTransportContext transport = exchange.transportContext();
        if (transport.get(CONTEXT_FAILURE) instanceof ServiceException e) {
            throw e;
        }
        if (transport.get(CALL_CONTEXT) instanceof CallContext callContext) {
            return callContext;
        }
        // Every request passes the assertion filter first, so this is a wiring error.
        throw new IllegalStateException("The MCP request reached a tool without a caller");
    }

    /**
     * Returns one specification per MCP tool of the engine, in the engine's order, whose calls take
     * their caller from {@code contexts}.
     */
    public List<SyncToolSpecification> specifications(CallContextSource contexts) {
        List<SyncToolSpecification> specifications = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            if (operation.isMcpTool()) {
                specifications.add(
                        SyncToolSpecification.builder()
                                .tool(describe(operation))
                                .callHandler(
                                        (exchange, request) ->
                                                call(operation, contexts, exchange, request))
                                .build());
            }
        }
        return specifications;
    }

    private Tool describe(Operation operation) {
        JsonNode inputSchema = engine.inputSchema(operation);
        return Tool.builder()
                .name(operation.toolName())
                .title(inputSchema.path("title").asString())
                .description(inputSchema.path("description").asString())
                .inputSchema(jsonMapper.convertValue(inputSchema, JSON_OBJECT))
                .outputSchema(jsonMapper.convertValue(engine.outputSchema(operation), JSON_OBJECT))
                .annotations(
                        new ToolAnnotations(
                                inputSchema.path("title").asString(),
                                operation.readOnlyHint(),
                                operation.destructiveHint(),
                                operation.idempotentHint(),
                                operation.openWorldHint(),
                                null))
                .build();
    }

    private CallToolResult call(
            Operation operation,
            CallContextSource contexts,
            McpSyncServerExchange exchange,
            CallToolRequest request) {
        CallContext callContext;
        try {
            callContext = contexts.contextOf(exchange);
        } catch (ServiceException e) {
            log.info("MCP tool call rejected with {} before it ran", e.code());
            return failure(operation, e.code(), e.getMessage(), e.details(), null);
        }

        CallContext context = withMetaJustification(callContext, request.meta());
        JsonNode arguments =
                jsonMapper.valueToTree(
                        request.arguments() == null ? Map.of() : request.arguments());
        try {
            ToolResult result = invoker.invoke(operation, context, arguments);
            return success(result, context.correlationId());
        } catch (ToolException e) {
            log.info("MCP tool call failed with {} (reason {})", e.code(), e.reason());
            return failure(operation, e.code(), e.getMessage(), e.details(), context);
        } catch (ServiceException e) {
            log.info("MCP tool call failed with {}", e.code());
            return failure(operation, e.code(), e.getMessage(), e.details(), context);
        } catch (TransactionTimedOutException e) {
            log.warn("MCP tool call ran past its deadline", e);
            return failure(
                    operation,
                    ErrorCode.DEADLINE_EXCEEDED,
                    "The tool did not finish within its deadline.",
                    List.of(),
                    context);
        } catch (TransactionException | DataAccessException e) {
            log.error("MCP tool call failed because the database is unavailable", e);
            return failure(
                    operation,
                    ErrorCode.UNAVAILABLE,
                    "The service's database is unavailable; retry later.",
                    List.of(),
                    context);
        } catch (RuntimeException e) {
            log.error("MCP tool call failed unexpectedly", e);
            return failure(
                    operation,
                    ErrorCode.INTERNAL,
                    "The service failed to process the request.",
                    List.of(),
                    context);
        }
    }

    /** Applies {@code _meta.accessJustification}, which takes precedence over the header. */
    private static CallContext withMetaJustification(
            CallContext context, Map<String, Object> meta) {
        if (meta != null && meta.get(ACCESS_JUSTIFICATION_META) instanceof String justification) {
            return context.withAccessJustification(justification);
        }
        return context;
    }

    private CallToolResult success(ToolResult result, String correlationId) {
        Map<String, Object> meta =
                jsonMapper.convertValue(Meta.remote(result.notices(), correlationId), JSON_OBJECT);
        return CallToolResult.builder()
                .addTextContent(jsonMapper.writeValueAsString(result.output()))
                .structuredContent(jsonMapper.convertValue(result.output(), JSON_OBJECT))
                .isError(false)
                .meta(meta)
                .build();
    }

    private CallToolResult failure(
            Operation operation,
            ErrorCode code,
            String message,
            List<ErrorDetail> details,
            CallContext context) {
        String correlationId =
                context != null ? context.correlationId() : CorrelationIds.keepOrGenerate(null);
        ErrorBody body = ErrorBody.of(code, message, correlationId, details);
        Map<String, Object> meta =
                new LinkedHashMap<>(
                        jsonMapper.convertValue(
                                Meta.remote(List.of(), correlationId), JSON_OBJECT));
        meta.put("errorCode", code.name());
        log.debug("MCP tool {} returned error {}", operation.toolName(), code);
        return CallToolResult.builder()
                .addTextContent(jsonMapper.writeValueAsString(body))
                .isError(true)
                .meta(meta)
                .build();
    }
}
