package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.ToolResult;
import tools.jackson.databind.JsonNode;

/** One operation, run on arguments that already passed the input schema. */
interface Tool {

    ToolResult run(CallContext context, JsonNode arguments);
}
