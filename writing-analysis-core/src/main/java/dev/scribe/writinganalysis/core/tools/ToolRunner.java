package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.EngineConfig;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.json.ToolSchemas;
import tools.jackson.databind.JsonNode;

/** Dispatches operations to their tools after validation. */
public final class ToolRunner {

    private final EngineConfig config;
    private final EnginePorts ports;
    private final ToolSchemas schemas;

    public ToolRunner(EngineConfig config, EnginePorts ports) {
        this.config = config;
        this.ports = ports;
        this.schemas = new ToolSchemas(Json.mapper());
    }

    public ToolSchemas schemas() {
        return schemas;
    }

    public ToolResult invoke(Operation operation, CallContext context, JsonNode arguments) {
        throw new UnsupportedOperationException(operation.toolName() + " is not wired yet");
    }
}
