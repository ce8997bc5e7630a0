package dev.scribe.writinganalysis.core.tools;

import dev.scribe.writinganalysis.core.access.AccessRequest;
import dev.scribe.writinganalysis.core.access.PurposeCode;
import dev.scribe.writinganalysis.core.access.SubjectGrant;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolException;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.events.EventScope;
import dev.scribe.writinganalysis.core.insights.AggregateInsights;
import dev.scribe.writinganalysis.core.insights.IndividualInsights;
import dev.scribe.writinganalysis.core.insights.InsightsAnswer;
import dev.scribe.writinganalysis.core.insights.Timeframe;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.BudgetBalance;
import dev.scribe.writinganalysis.core.port.DpQueryKey;
import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.port.WritingSession;
import dev.scribe.writinganalysis.core.validation.SemanticChecks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates writing insights ({@code generate_writing_insights}): exact for one student,
 * differentially private for a class or cohort, with group-size gates, a per-target budget and a
 * same-day result cache.
 */
final class InsightsTool implements Tool {

    private static final BigDecimal ZERO_EPSILON = new BigDecimal("0.0");

    private final ToolSupport support;
    private final AggregateInsights aggregates;

    InsightsTool(ToolSupport support) {
        this.support = support;
        this.aggregates =
                new AggregateInsights(
                        support.ports().noise(),
                        support.config().privacyEpsilon(),
                        support.config().dpClipWordsPerStudent());
    }

    @Override
    public ToolResult run(CallContext context, JsonNode arguments) {
        String scope = arguments.get("scope").stringValue();
        String targetId = arguments.get("targetId").stringValue();
        Timeframe timeframe = Timeframe.parse(arguments.get("timeframe").stringValue());
        boolean includeRecommendations =
                arguments.has("includeRecommendations")
                        && arguments.get("includeRecommendations").booleanValue();
        PurposeCode purpose =
                SemanticChecks.purpose("purpose", arguments.get("purpose").stringValue());
        String roleField = ToolSupport.text(arguments, "role");

        if (scope.equals("individual")) {
            return individual(
                    context, targetId, timeframe, includeRecommendations, purpose, roleField);
        }
        return aggregate(
                context, scope, targetId, timeframe, includeRecommendations, purpose, roleField);
    }

    private ToolResult individual(
            CallContext context,
            String studentId,
            Timeframe timeframe,
            boolean includeRecommendations,
            PurposeCode purpose,
            String roleField) {
        AccessRequest request =
                new AccessRequest(
                        Operation.GENERATE_WRITING_INSIGHTS,
                        studentId,
                        "insights",
                        purpose,
                        "analyze",
                        null,
                        null);
        support.access().requireRoleField(context, request, roleField);
        SubjectGrant grant = support.access().authorizeSubject(context, request);
        support.access().requireConsent(context, request, "progress_tracking");

        Instant end = support.now();
        Instant start = timeframe.start(end);
        List<WritingSession> sessions =
                support.ports().sessions().updatedBetween(List.of(studentId), start, end);
        List<ReflectionRecord> reflections =
                support.ports().reflections().createdBetween(List.of(studentId), start, end);
        InsightsAnswer answer = IndividualInsights.compute(sessions, reflections, timeframe, end);

        ObjectNode details = support.baseDetails(context, request, grant.selfAccess());
        details.put("scope", "individual");
        details.put("timeframe", timeframe.code());
        details.set("epsilonSpent", Json.decimal(ZERO_EPSILON));
        support.auditSuccess(context, request, null, true, details);

        EventScope eventScope = support.scope(request, true, EventScope.PROGRESS_DAYS);
        support.dataAccessed(
                context,
                request,
                eventScope,
                ToolSupport.accessPurpose(context, grant),
                "progress-metrics",
                1,
                answer.recordCount(),
                timeRange(start, end));
        publishGenerated(
                context,
                request,
                eventScope,
                "individual",
                support.events().pseudonym(studentId),
                timeframe,
                false,
                ZERO_EPSILON);

        ObjectNode output = output(answer, includeRecommendations);
        ObjectNode privacy = output.putObject("privacyMetadata");
        privacy.put("aggregationLevel", "individual");
        privacy.put("differentialPrivacyApplied", false);
        privacy.put("dataPointsIncluded", answer.dataPointsIncluded());
        privacy.put("consentCompliant", true);
        privacy.set("epsilonSpent", Json.decimal(ZERO_EPSILON));
        privacy.putNull("privacyBudgetRemaining");
        return new ToolResult(output, List.of());
    }

    private ToolResult aggregate(
            CallContext context,
            String scope,
            String targetId,
            Timeframe timeframe,
            boolean includeRecommendations,
            PurposeCode purpose,
            String roleField) {
        boolean cohort = scope.equals("cohort");
        AccessRequest request =
                new AccessRequest(
                        Operation.GENERATE_WRITING_INSIGHTS,
                        null,
                        "insights",
                        purpose,
                        "analyze",
                        cohort ? null : targetId,
                        null);
        support.access().requireRoleField(context, request, roleField);
        support.access().authorizeAggregate(context, request, targetId, cohort);

        boolean researcher = context.caller().role() == Role.RESEARCHER;
        List<String> population = population(targetId, cohort, researcher);
        int minimum =
                researcher
                        ? support.config().minResearchGroupSize()
                        : cohort
                                ? support.config().minCohortSize()
                                : support.config().minClassSize();
        if (population.size() < minimum) {
            throw ToolException.insufficientGroupSize();
        }

        Instant end = support.now();
        DpQueryKey key =
                new DpQueryKey(
                        scope,
                        targetId,
                        timeframe.code(),
                        context.caller().role().toolName(),
                        LocalDate.ofInstant(end, ZoneOffset.UTC));
        BigDecimal epsilon = support.config().privacyEpsilon();
        BudgetBalance balance =
                support.ports()
                        .budgets()
                        .lockBalance(scope, targetId, support.config().privacyBudgetPerTarget());
        Optional<JsonNode> cached = support.ports().dpAnswers().find(key);

        InsightsAnswer answer;
        BigDecimal spent;
        BigDecimal remaining;
        List<String> notices = new ArrayList<>();
        ObjectNode stored;
        if (cached.isPresent()) {
            stored = (ObjectNode) cached.get();
            spent = ZERO_EPSILON;
            remaining = balance.remaining();
            notices.add("CACHED_DP_ANSWER");
            answer =
                    new InsightsAnswer(
                            (ObjectNode) stored.get("insights"),
                            Json.mapper()
                                    .convertValue(
                                            stored.get("recommendations"),
                                            Json.mapper()
                                                    .getTypeFactory()
                                                    .constructCollectionType(
                                                            List.class, String.class)),
                            stored.get("insights").get("dataPointsIncluded").intValue(),
                            stored.get("recordCount").intValue());
        } else {
            if (balance.remaining().compareTo(epsilon) < 0) {
                throw ToolException.budgetExhausted();
            }
            Instant start = timeframe.start(end);
            List<WritingSession> sessions =
                    support.ports().sessions().updatedBetween(population, start, end);
            List<ReflectionRecord> reflections =
                    support.ports().reflections().createdBetween(population, start, end);
            answer =
                    aggregates.compute(
                            cohort, targetId, population, sessions, reflections, timeframe, end);
            support.ports().budgets().charge(scope, targetId, epsilon, end);
            spent = epsilon;
            remaining = balance.remaining().subtract(epsilon);
            stored = Json.object();
            stored.set("insights", answer.insights());
            stored.set("recommendations", Json.mapper().valueToTree(answer.recommendations()));
            stored.put("recordCount", answer.recordCount());
            support.ports().dpAnswers().store(key, stored);
        }

        ObjectNode details = support.baseDetails(context, request, false);
        details.put("scope", scope);
        details.put("timeframe", timeframe.code());
        details.set("epsilonSpent", Json.decimal(spent));
        if (cohort) {
            details.put("cohortId", targetId);
        }
        support.auditSuccess(context, request, null, false, details);

        EventScope eventScope = support.scope(request, false, EventScope.ANALYTICS_DAYS);
        support.dataAccessed(
                context,
                request,
                eventScope,
                ToolSupport.accessPurpose(context, null),
                "progress-metrics",
                population.size(),
                answer.recordCount(),
                timeRange(timeframe.start(end), end));
        ObjectNode anonymized = Json.object();
        anonymized.put("dataType", "progress-metrics");
        anonymized.put("method", "differential-privacy");
        anonymized.put("level", "statistical");
        anonymized.put("purpose", purpose.code());
        anonymized.put("recordCount", answer.dataPointsIncluded());
        anonymized.put("reversibility", "irreversible");
        support.events()
                .privacy(
                        context,
                        request.operation(),
                        "privacy.data.anonymized",
                        "audit",
                        null,
                        eventScope,
                        anonymized);
        publishGenerated(context, request, eventScope, scope, targetId, timeframe, true, spent);

        ObjectNode output = output(answer, includeRecommendations);
        ObjectNode privacy = output.putObject("privacyMetadata");
        privacy.put("aggregationLevel", scope);
        privacy.put("differentialPrivacyApplied", true);
        privacy.put("dataPointsIncluded", answer.dataPointsIncluded());
        privacy.put("consentCompliant", true);
        privacy.set("epsilonSpent", Json.decimal(spent));
        privacy.set("privacyBudgetRemaining", Json.decimal(remaining));
        return new ToolResult(output, notices);
    }

    /**
     * Students of the group, de-duplicated; for researchers only those who granted research
     * consent.
     */
    private List<String> population(String targetId, boolean cohort, boolean researcher) {
        List<String> students =
                support.access()
                        .guardDirectory(
                                () ->
                                        cohort
                                                ? support.ports()
                                                        .directory()
                                                        .activeStudentsOfCohort(targetId)
                                                : support.ports()
                                                        .directory()
                                                        .activeStudentsOfCourse(targetId));
        List<String> unique = new ArrayList<>(new java.util.LinkedHashSet<>(students));
        if (!researcher) {
            return unique;
        }
        List<String> consenting = new ArrayList<>();
        for (String student : unique) {
            if (support.access().hasConsent(student, "research")) {
                consenting.add(student);
            }
        }
        return consenting;
    }

    private static ObjectNode output(InsightsAnswer answer, boolean includeRecommendations) {
        ObjectNode output = Json.object();
        output.set("insights", answer.insights().deepCopy());
        if (includeRecommendations) {
            output.set("recommendations", Json.mapper().valueToTree(answer.recommendations()));
        }
        return output;
    }

    private void publishGenerated(
            CallContext context,
            AccessRequest request,
            EventScope scope,
            String insightScope,
            String target,
            Timeframe timeframe,
            boolean differentialPrivacy,
            BigDecimal epsilonSpent) {
        ObjectNode payload = Json.object();
        payload.put("scope", insightScope);
        payload.put("target", target);
        payload.put("timeframe", timeframe.code());
        payload.put("differentialPrivacyApplied", differentialPrivacy);
        payload.set("epsilonSpent", Json.decimal(epsilonSpent));
        support.events()
                .domain(
                        context,
                        request.operation(),
                        "insights.generated",
                        request.subjectId(),
                        scope,
                        payload);
    }

    private static ObjectNode timeRange(Instant start, Instant end) {
        ObjectNode range = Json.object();
        range.put("from", Json.timestamp(start));
        range.put("to", Json.timestamp(end));
        return range;
    }
}
