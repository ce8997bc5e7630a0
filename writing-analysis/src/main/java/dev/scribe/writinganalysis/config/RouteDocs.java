package dev.scribe.writinganalysis.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Summaries and request and response examples of every API route, for the OpenAPI document. */
final class RouteDocs {

    /**
     * Documentation of one route.
     *
     * @param summary one-line summary
     * @param requestExample JSON request body, or null for routes without a body
     * @param dataExample JSON of the envelope's {@code data} on success
     */
    record RouteDoc(String summary, @Nullable String requestExample, String dataExample) {}

    private static final String CANONICAL = "/api/writing-analysis";
    private static final String LEGACY = "/api/analytics";

    private RouteDocs() {}

    /** Returns the documentation keyed by {@code "METHOD path"}, path as in the route template. */
    static Map<String, RouteDoc> all() {
        Map<String, RouteDoc> docs = new LinkedHashMap<>();
        docs.put(
                "POST " + CANONICAL + "/patterns",
                new RouteDoc(
                        "Analyse structure, sentiment, complexity and style of a text"
                                + " (analyze_writing_patterns)",
                        """
                        {"content": "I learned a lot. However, the second draft was better.",
                         "userId": "student-demo", "purpose": "writing_improvement",
                         "options": {"includeStructure": true, "includeSentiment": true}}""",
                        """
                        {"patterns": {"structure": {"sentenceCount": 2, "paragraphCount": 1,
                         "wordCount": 10}, "sentiment": {"overallSentiment": 0.200,
                         "sentimentLabel": "positive", "confidence": 0.200}, "complexity": null,
                         "style": {"writingStyle": "personal"}}, "privacyMetadata":
                         {"contentRedacted": false, "sensitiveElementsRemoved": 0,
                         "analysisScope": "full"}, "timestamp": "2026-12-04T10:00:00.000Z"}"""));
        docs.put(
                "POST " + CANONICAL + "/reflections/evaluate",
                new RouteDoc(
                        "Score a reflection and derive the AI-access level"
                                + " (evaluate_reflection_quality)",
                        """
                        {"reflection": "I learned that my thesis was too broad because ...",
                         "userId": "student-demo", "purpose": "reflection_assessment",
                         "assignmentContext": {"assignmentId": "essay-1"}}""",
                        """
                        {"reflectionId": "7d0c5a8e-3f1b-4a53-9a0e-2b1f4c6d8e90",
                         "quality": {"overall": 62, "dimensions": {"depth": 60,
                         "selfAwareness": 75, "criticalThinking": 50, "growthMindset": 60,
                         "specificity": 65}}, "feedback": ["Your strongest area is self-awareness."],
                         "privacyMetadata": {"sensitiveContentMasked": false,
                         "anonymizationApplied": false}, "progressiveAccess": {"currentLevel":
                         "basic", "nextLevelRequirements": ["Reach a reflection score of at least 75."]}}"""));
        docs.put(
                "POST " + CANONICAL + "/progress",
                new RouteDoc(
                        "Record a writing-session snapshot (track_writing_progress); accepts"
                                + " Idempotency-Key",
                        """
                        {"userId": "student-demo", "sessionId": "session-1",
                         "metrics": {"wordCount": 345, "timeSpent": 1230, "revisions": 2},
                         "purpose": "student_progress_tracking"}""",
                        """
                        {"sessionId": "session-1", "progressRecorded": true, "privacyCompliant": true,
                         "recordedMetrics": {"wordCount": 350, "timeSpent": 1260, "revisions": 2},
                         "aggregatedMetrics": {"totalWords": 350, "totalTime": 1260,
                         "averageWordsPerMinute": 16.7}, "interventionTriggers": []}"""));
        docs.put(
                "GET " + CANONICAL + "/progress/{studentId}",
                new RouteDoc(
                        "Sum a student's writing sessions, for one assignment if given",
                        null,
                        """
                        {"studentId": "student-demo", "assignmentId": "essay-1", "sessionCount": 1,
                         "aggregatedMetrics": {"totalWords": 350, "totalTime": 1260,
                         "averageWordsPerMinute": 16.7}}"""));
        docs.put(
                "POST " + CANONICAL + "/insights",
                new RouteDoc(
                        "Individual insights, or privacy-protected class and cohort aggregates"
                                + " (generate_writing_insights)",
                        """
                        {"scope": "class", "targetId": "course-demo-101", "timeframe": "week",
                         "purpose": "learning_analytics", "includeRecommendations": true}""",
                        """
                        {"insights": {"summary":
                         "Aggregated, privacy-protected activity for course course-demo-101 in the last week.",
                         "keyMetrics": {"classSize": 6,
                         "activeStudents": 4}, "trends": [], "dataPointsIncluded": 4},
                         "recommendations": [], "privacyMetadata": {"aggregationLevel": "class",
                         "differentialPrivacyApplied": true, "dataPointsIncluded": 4,
                         "consentCompliant": true, "epsilonSpent": 1.0,
                         "privacyBudgetRemaining": 9.0}}"""));
        docs.put(
                "POST " + CANONICAL + "/sensitivity",
                new RouteDoc(
                        "Classify personal or sensitive content and redact it"
                                + " (classify_content_sensitivity)",
                        """
                        {"content": "Write to me at jane.doe@example.com.",
                         "context": {"contentType": "essay"}}""",
                        """
                        {"sensitivityLevel": "low", "sensitivityScore": 0.6, "sensitiveElements":
                         [{"type": "personal_emails", "text": "jane.doe@example.com",
                         "startIndex": 14, "endIndex": 34, "confidence": 0.95}],
                         "recommendations": [], "redactedContent":
                         "Write to me at [REDACTED_PERSONAL_EMAILS].", "manualReviewRequired": false,
                         "classificationTimestamp": "2026-12-04T10:00:00.000Z"}"""));
        docs.put(
                "POST " + CANONICAL + "/purpose-validation",
                new RouteDoc(
                        "Score a data-access justification (validate_educational_purpose)",
                        """
                        {"purpose": "Timely intervention to support student learning improvement",
                         "requestedData": ["progress_metrics"], "requesterRole": "educator",
                         "targetUsers": ["student-demo"]}""",
                        """
                        {"valid": true, "score": 0.85, "approvalRequired": false, "justification":
                         {"educationalBenefit": 0.60, "platformImprovement": 0.00,
                         "studentBenefit": 0.50, "researchValue": 0.00}, "recommendations": [],
                         "reasonCode": null}"""));
        docs.put(
                "POST " + CANONICAL + "/ai-boundaries",
                new RouteDoc(
                        "Decide whether an AI-assistance request is allowed (apply_ai_boundaries)",
                        """
                        {"request": {"prompt": "How can I make my argument clearer?",
                         "context": "My draft ...", "requestType": "feedback"},
                         "studentContext": {"studentId": "student-demo"}}""",
                        """
                        {"allowed": true, "modifiedRequest":
                         {"prompt": "How can I make my argument clearer?", "context": "My draft ...", "requestType": "feedback"},
                         "reason": "", "suggestions": [], "boundariesApplied": [], "violations": [],
                         "accessLevel": "restricted", "modifications": []}"""));
        docs.put(
                "POST " + CANONICAL + "/audit",
                new RouteDoc(
                        "Record one access to a student's writing data"
                                + " (audit_writing_data_access); accepts Idempotency-Key",
                        """
                        {"accessType": "read", "dataType": "writing_progress",
                         "userId": "student-demo", "accessedBy": "student-demo",
                         "purpose": "writing_improvement"}""",
                        """
                        {"auditId": "0b6f2c1e-8d4a-4f3b-9c2d-1e5a7b9c0d12", "logged": true,
                         "immutableHash":
                         "9b2f0e4c7a1d3e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7", "sequence": 42,
                         "privacyFlags": ["self_access"], "notificationTriggered": false,
                         "notificationTriggers": []}"""));
        docs.put(
                "GET " + CANONICAL + "/audit/verify",
                new RouteDoc(
                        "Recompute the audit hash chain over a range; administrators only",
                        null,
                        """
                        {"from": 1, "to": 42, "entriesChecked": 42, "checkpointsChecked": 0,
                         "valid": true, "lastCheckpointSeq": null}"""));
        docs.put(
                "GET /admin/audit/verify",
                new RouteDoc(
                        "Recompute the audit hash chain over a range, on the service's own port;"
                                + " administrators only",
                        null,
                        """
                        {"from": 1, "to": 42, "entriesChecked": 42, "checkpointsChecked": 0,
                         "valid": true, "lastCheckpointSeq": null}"""));
        addLegacy(docs);
        return docs;
    }

    private static void addLegacy(Map<String, RouteDoc> docs) {
        docs.put(
                "GET " + LEGACY + "/writing-progress/{studentId}/{assignmentId}",
                new RouteDoc(
                        "Legacy progress read; message \"Writing progress retrieved\"",
                        null,
                        """
                        {"studentId": "student-demo", "assignmentId": "essay-1", "sessionCount": 1,
                         "aggregatedMetrics": {"totalWords": 350, "totalTime": 1260,
                         "averageWordsPerMinute": 16.7}}"""));
        docs.put(
                "POST " + LEGACY + "/analyze-patterns",
                new RouteDoc(
                        "Legacy pattern analysis: content, metadata.studentId (default the caller)"
                                + " and metadata.assignmentId are mapped; purpose"
                                + " writing_improvement",
                        """
                        {"content": "My essay ...", "sessionId": "s-1",
                         "metadata": {"assignmentId": "essay-1", "studentId": "student-demo"}}""",
                        "{\"patterns\": {\"structure\": {}, \"style\": {}}}"));
        docs.put(
                "POST " + LEGACY + "/evaluate-reflection",
                new RouteDoc(
                        "Legacy reflection scoring: reflectionText and studentId are mapped;"
                                + " criteria is ignored",
                        "{\"reflectionText\": \"I learned ...\", \"studentId\": \"student-demo\"}",
                        "{\"reflectionId\": \"...\", \"quality\": {\"overall\": 62}}"));
        docs.put(
                "POST " + LEGACY + "/track-progress",
                new RouteDoc(
                        "Legacy progress write for the caller: progress.wordsWritten, timeSpent"
                                + " and revisions are mapped; accepts Idempotency-Key",
                        """
                        {"sessionId": "session-1", "progress": {"wordsWritten": 345,
                         "timeSpent": 1230, "revisions": 2, "completionPercentage": 40}}""",
                        """
                        {"sessionId": "session-1", "progressRecorded": true,
                         "recordedMetrics": {"wordCount": 350, "timeSpent": 1260, "revisions": 2}}"""));
        docs.put(
                "POST " + LEGACY + "/generate-insights",
                new RouteDoc(
                        "Legacy individual insights: studentId and timeRange (default week)",
                        "{\"studentId\": \"student-demo\", \"timeRange\": \"month\"}",
                        "{\"insights\": {\"summary\": \"2 writing sessions and 1 reflections in the last month.\"}}"));
        docs.put(
                "POST " + LEGACY + "/classify-sensitivity",
                new RouteDoc(
                        "Legacy classification; context is ignored",
                        "{\"content\": \"Write to me at jane.doe@example.com.\"}",
                        "{\"sensitivityLevel\": \"low\", \"redactedContent\": \"Write to me at [REDACTED_PERSONAL_EMAILS].\"}"));
        docs.put(
                "POST " + LEGACY + "/validate-educational-purpose",
                new RouteDoc(
                        "Legacy purpose check; the requester role is the caller's role",
                        """
                        {"purpose": "Support student learning improvement",
                         "requestContext": {"userId": "educator-demo", "role": "educator",
                         "dataRequested": ["progress_metrics"]}}""",
                        "{\"valid\": false, \"score\": 0.65, \"approvalRequired\": true}"));
        docs.put(
                "POST " + LEGACY + "/apply-ai-boundaries",
                new RouteDoc(
                        "Legacy AI boundaries for the calling student; requestType assistance",
                        """
                        {"content": "My draft ...", "aiRequest": "How can I improve my thesis?",
                         "assignmentContext": {"type": "essay", "restrictions": []}}""",
                        "{\"allowed\": false, \"accessLevel\": \"restricted\"}"));
        docs.put(
                "POST " + LEGACY + "/audit-data-access",
                new RouteDoc(
                        "Legacy audit of a read by the caller; accepts Idempotency-Key",
                        """
                        {"accessLog": {"userId": "student-demo", "dataType": "writing_progress",
                         "purpose": "writing_improvement", "timestamp": "2026-12-04T10:00:00Z"}}""",
                        "{\"auditId\": \"...\", \"logged\": true, \"sequence\": 43}"));
        docs.put(
                "GET " + LEGACY + "/health",
                new RouteDoc(
                        "Legacy health summary of the tiers",
                        null,
                        """
                        {"status": "healthy", "services": {"mcp": true, "direct": true,
                         "fallback": true}}"""));
    }
}
