package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.access.SubjectGrant;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.progress.ProgressMath;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sums a student's writing sessions (the progress read). An unknown assignment or a student without
 * sessions gives zeros, never {@code NOT_FOUND}.
 */
final class ReadProgressTool implements Tool {

    private final ToolSupport support;

    ReadProgressTool(ToolSupport support) {
        this.support = support;
    }

    @Override
    public ToolResult run(CallContext context, JsonNode arguments) {
        String studentId = arguments.get("studentId").stringValue();
        String assignmentId = ToolSupport.text(arguments, "assignmentId");
        AccessRequest request =
                new AccessRequest(
                        Operation.READ_WRITING_PROGRESS,
                        studentId,
                        "writing_progress",
                        null,
                        "read",
                        null,
                        assignmentId);
        SubjectGrant grant = support.access().authorizeSubject(context, request);
        support.access().requireConsent(context, request, "progress_tracking");

        List<WritingSession> sessions =
                support.ports().sessions().ofSubject(studentId, assignmentId);
        long words = 0;
        long seconds = 0;
        for (WritingSession session : sessions) {
            words += session.wordCount();
            seconds += session.timeSpent();
        }

        support.auditSuccess(
                context,
                request,
                null,
                true,
                support.baseDetails(context, request, grant.selfAccess()));
        support.dataAccessed(
                context,
                request,
                support.scope(request, true, EventScope.PROGRESS_DAYS),
                ToolSupport.accessPurpose(context, grant),
                "progress-metrics",
                1,
                sessions.size(),
                null);

        ObjectNode output = Json.object();
        output.put("studentId", studentId);
        output.put("assignmentId", assignmentId);
        output.put("sessionCount", sessions.size());
        ObjectNode aggregated = output.putObject("aggregatedMetrics");
        aggregated.put("totalWords", words);
        aggregated.put("totalTime", seconds);
        aggregated.set(
                "averageWordsPerMinute", Json.decimal(ProgressMath.wordsPerMinute(words, seconds)));
        return new ToolResult(output, List.of());
    }
}
