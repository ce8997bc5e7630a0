package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.access.PurposeCode;
import dev.scribe.writinganalysis.core.access.SubjectGrant;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.progress.ProgressMath;
import dev.scribe.writinganalysis.core.validation.SemanticChecks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Records a writing-session snapshot at reduced precision ({@code track_writing_progress}). */
final class TrackProgressTool implements Tool {

    private final ToolSupport support;

    TrackProgressTool(ToolSupport support) {
        this.support = support;
    }

    @Override
    public ToolResult run(CallContext context, JsonNode arguments) {
        String userId = arguments.get("userId").stringValue();
        String sessionId = arguments.get("sessionId").stringValue();
        String assignmentId = ToolSupport.text(arguments, "assignmentId");
        JsonNode metrics = arguments.get("metrics");
        int wordCount = metrics.get("wordCount").intValue();
        int timeSpent = metrics.get("timeSpent").intValue();
        int revisions = metrics.has("revisions") ? metrics.get("revisions").intValue() : 0;
        PurposeCode purpose =
                SemanticChecks.purpose("purpose", arguments.get("purpose").stringValue());

        AccessRequest request =
                new AccessRequest(
                        Operation.TRACK_WRITING_PROGRESS,
                        userId,
                        "writing_progress",
                        purpose,
                        "write",
                        null,
                        assignmentId);
        support.access().requireRoleField(context, request, ToolSupport.text(arguments, "role"));
        SubjectGrant grant = support.access().authorizeSubject(context, request);
        support.access().requireConsent(context, request, "progress_tracking");

        int words = ProgressMath.roundHalfUp(wordCount, support.config().progressWordPrecision());
        int seconds =
                ProgressMath.roundHalfUp(
                        timeSpent, support.config().progressTimePrecisionSeconds());
        WritingSession stored =
                store(context, userId, sessionId, assignmentId, words, seconds, revisions);

        BigDecimal wordsPerMinute =
                ProgressMath.wordsPerMinute(stored.wordCount(), stored.timeSpent());
        List<String> triggers = ProgressMath.triggers(wordsPerMinute, stored.timeSpent());

        ObjectNode recorded = Json.object();
        recorded.put("wordCount", words);
        recorded.put("timeSpent", seconds);
        recorded.put("revisions", revisions);
        publish(context, request, grant, sessionId, recorded, triggers);

        ObjectNode output = Json.object();
        output.put("sessionId", sessionId);
        output.put("progressRecorded", true);
        output.put("privacyCompliant", true);
        output.set("recordedMetrics", recorded);
        ObjectNode aggregated = output.putObject("aggregatedMetrics");
        aggregated.put("totalWords", stored.wordCount());
        aggregated.put("totalTime", stored.timeSpent());
        aggregated.set("averageWordsPerMinute", Json.decimal(wordsPerMinute));
        output.set("interventionTriggers", Json.mapper().valueToTree(triggers));
        return new ToolResult(output, ToolSupport.consentNotice(arguments));
    }

    /**
     * Replaces the stored snapshot unless the session belongs to another student or the new
     * snapshot is older than the stored one.
     */
    private WritingSession store(
            CallContext context,
            String userId,
            String sessionId,
            String assignmentId,
            int words,
            int seconds,
            int revisions) {
        Instant now = support.now().truncatedTo(ChronoUnit.MILLIS);
        Instant updatedAt = context.acceptedAt() != null ? context.acceptedAt() : now;
        Optional<WritingSession> existing = support.ports().sessions().find(sessionId);
        if (existing.isPresent() && !existing.get().subjectId().equals(userId)) {
            throw ToolException.conflict("SESSION_OWNED_BY_OTHER", "sessionId");
        }
        if (existing.isPresent() && seconds < existing.get().timeSpent()) {
            throw ToolException.conflict("STALE_SNAPSHOT", "metrics.timeSpent");
        }
        WritingSession session =
                new WritingSession(
                        sessionId,
                        userId,
                        existing.map(WritingSession::assignmentId)
                                .filter(a -> a != null)
                                .orElse(assignmentId),
                        words,
                        seconds,
                        revisions,
                        existing.map(WritingSession::createdAt).orElse(updatedAt),
                        updatedAt);
        support.ports().sessions().save(session);
        return session;
    }

    private void publish(
            CallContext context,
            AccessRequest request,
            SubjectGrant grant,
            String sessionId,
            ObjectNode recorded,
            List<String> triggers) {
        ObjectNode details = support.baseDetails(context, request, grant.selfAccess());
        details.put("sessionId", sessionId);
        support.auditSuccess(context, request, sessionId, true, details);

        EventScope scope = support.scope(request, true, EventScope.PROGRESS_DAYS);
        support.dataAccessed(
                context,
                request,
                scope,
                ToolSupport.accessPurpose(context, grant),
                "progress-metrics",
                1,
                1,
                null);

        String subject = support.events().pseudonym(request.subjectId());
        ObjectNode updated = Json.object();
        updated.put("subjectPseudonym", subject);
        updated.put("sessionId", sessionId);
        updated.set("metrics", recorded.deepCopy());
        support.events()
                .domain(
                        context,
                        request.operation(),
                        "student.progress.updated",
                        request.subjectId(),
                        scope,
                        updated);
        if (!triggers.isEmpty()) {
            ObjectNode intervention = Json.object();
            intervention.put("subjectPseudonym", subject);
            intervention.put("sessionId", sessionId);
            intervention.set("triggers", Json.mapper().valueToTree(triggers));
            intervention.set("metrics", recorded.deepCopy());
            support.events()
                    .domain(
                            context,
                            request.operation(),
                            "intervention.triggered",
                            request.subjectId(),
                            scope,
                            intervention);
        }
    }
}
