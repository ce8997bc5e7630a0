package dev.scribe.writinganalysis.core.api;

import java.util.Optional;

/** The operations of the engine: the eight MCP tools plus the progress read and chain check. */
public enum Operation {
    ANALYZE_WRITING_PATTERNS("analyze_writing_patterns", true),
    EVALUATE_REFLECTION_QUALITY("evaluate_reflection_quality", true),
    TRACK_WRITING_PROGRESS("track_writing_progress", true),
    GENERATE_WRITING_INSIGHTS("generate_writing_insights", true),
    CLASSIFY_CONTENT_SENSITIVITY("classify_content_sensitivity", true),
    VALIDATE_EDUCATIONAL_PURPOSE("validate_educational_purpose", true),
    APPLY_AI_BOUNDARIES("apply_ai_boundaries", true),
    AUDIT_WRITING_DATA_ACCESS("audit_writing_data_access", true),
    READ_WRITING_PROGRESS("read_writing_progress", false),
    VERIFY_AUDIT_CHAIN("verify_audit_chain", false);

    private final String toolName;
    private final boolean mcpTool;

    Operation(String toolName, boolean mcpTool) {
        this.toolName = toolName;
        this.mcpTool = mcpTool;
    }

    /** Fixed tool name; also the {@code action} of audit entries. */
    public String toolName() {
        return toolName;
    }

    /**
     * Returns whether the operation is an MCP tool; the progress read and chain check are HTTP
     * only.
     */
    public boolean isMcpTool() {
        return mcpTool;
    }

    /**
     * Returns the MCP {@code readOnlyHint}: true only for classification, which stores and audits
     * nothing.
     */
    public boolean readOnlyHint() {
        return this == CLASSIFY_CONTENT_SENSITIVITY;
    }

    /** Returns the MCP {@code idempotentHint}: true for classification and purpose validation. */
    public boolean idempotentHint() {
        return this == CLASSIFY_CONTENT_SENSITIVITY || this == VALIDATE_EDUCATIONAL_PURPOSE;
    }

    /** Returns the MCP {@code destructiveHint}, false for every operation. */
    public boolean destructiveHint() {
        return false;
    }

    /** Returns the MCP {@code openWorldHint}, false because no operation calls outside systems. */
    public boolean openWorldHint() {
        return false;
    }

    public static Optional<Operation> fromToolName(String name) {
        for (Operation operation : values()) {
            if (operation.toolName.equals(name)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
