package dev.scribe.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportFormatterTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    private static ApiResult ok(Operation operation, String data, long latencyMillis) {
        JsonNode body =
                json(
                        "{\"success\":true,\"data\":"
                                + data
                                + ",\"meta\":{\"tier\":\"remote\",\"degraded\":false,"
                                + "\"notices\":[],\"correlationId\":\"c-123456789\"}}");
        return ApiResult.fromResponse(operation, 200, body, latencyMillis * 1_000_000, "c-1");
    }

    private static final String PATTERNS =
            """
            {"patterns": {
              "structure": {"wordCount": 312, "sentenceCount": 18},
              "sentiment": {"sentimentLabel": "positive"},
              "complexity": {"readabilityLevel": "intermediate"},
              "style": {}}}
            """;

    private static final String SENSITIVITY =
            """
            {"sensitivityLevel": "low", "sensitivityScore": 0.63,
             "sensitiveElements": [
               {"type": "personal_names", "text": "Ana Ruiz", "startIndex": 0, "endIndex": 8},
               {"type": "family_situation", "text": "my mom", "startIndex": 20, "endIndex": 26},
               {"type": "personal_names", "text": "Bo Li", "startIndex": 40, "endIndex": 45}]}
            """;

    @Test
    void essayLineShowsFiguresButNoElementText() {
        TextReport report =
                TextReport.from(
                        "asap-1",
                        ok(Operation.PATTERNS, PATTERNS, 10),
                        ok(Operation.SENSITIVITY, SENSITIVITY, 5),
                        null);

        String line = ReportFormatter.formatText(report);

        assertThat(line)
                .isEqualTo(
                        "asap-1 words=312 sentences=18 readability=intermediate sentiment=positive"
                                + " sensitivity=low elements=personal_names,family_situation");
        assertThat(line).doesNotContain("Ana Ruiz").doesNotContain("my mom");
    }

    @Test
    void reflectionLineAddsScoreAndAccess() {
        ApiResult reflection =
                ok(
                        Operation.REFLECTION,
                        "{\"quality\": {\"overall\": 62}, \"progressiveAccess\":"
                                + " {\"currentLevel\": \"basic\"}}",
                        7);
        TextReport report =
                TextReport.from(
                        "r-1",
                        ok(Operation.PATTERNS, PATTERNS, 10),
                        ok(
                                Operation.SENSITIVITY,
                                "{\"sensitivityLevel\": \"none\", \"sensitiveElements\": []}",
                                5),
                        reflection);

        String line = ReportFormatter.formatText(report);

        assertThat(line).endsWith("sensitivity=none elements=none reflection=62 access=basic");
    }

    @Test
    void failedRequestShowsStatusCodeAndCorrelationId() {
        ApiResult unavailable =
                ApiResult.fromResponse(
                        Operation.PATTERNS,
                        503,
                        json(
                                "{\"success\":false,\"error\":{\"code\":\"UPSTREAM_UNAVAILABLE\","
                                        + "\"message\":\"m\",\"correlationId\":\"x\","
                                        + "\"retryable\":true}}"),
                        1_000_000,
                        "cli-abc");
        TextReport report =
                TextReport.from(
                        "e-2", unavailable, ok(Operation.SENSITIVITY, SENSITIVITY, 5), null);

        String line = ReportFormatter.formatText(report);

        assertThat(report.failed()).isTrue();
        assertThat(line)
                .startsWith("e-2 words=- sentences=- readability=- sentiment=- sensitivity=low")
                .endsWith(" failed=patterns:503:UPSTREAM_UNAVAILABLE:cli-abc");
    }

    @Test
    void errorWithoutPlatformBodyUsesHttpStatus() {
        ApiResult result =
                ApiResult.fromResponse(Operation.SENSITIVITY, 502, json("\"oops\""), 1, "c");

        assertThat(result.errorCode()).isEqualTo("HTTP_502");
    }

    @Test
    void okWithoutEnvelopeIsMalformed() {
        ApiResult result =
                ApiResult.fromResponse(Operation.SENSITIVITY, 200, json("{\"level\":1}"), 1, "c");

        assertThat(result.errorCode()).isEqualTo(ApiResult.MALFORMED_RESPONSE);
    }

    @Test
    void summaryCountsLevelsFailuresAndLatency() {
        BatchSummary summary = new BatchSummary();
        for (int i = 1; i <= 20; i++) {
            ApiResult patterns = ok(Operation.PATTERNS, PATTERNS, i);
            ApiResult sensitivity = ok(Operation.SENSITIVITY, SENSITIVITY, 100 + i);
            summary.add(
                    TextReport.from("t" + i, patterns, sensitivity, null),
                    List.of(patterns, sensitivity));
        }
        ApiResult refused =
                ApiResult.noResponse(Operation.PATTERNS, ApiResult.CONNECTION_FAILED, 5, "c");
        ApiResult sensitivity = ok(Operation.SENSITIVITY, "{\"sensitivityLevel\": \"high\"}", 50);
        summary.add(
                TextReport.from("t21", refused, sensitivity, null), List.of(refused, sensitivity));

        List<String> lines = ReportFormatter.formatSummary(summary);

        assertThat(lines)
                .containsExactly(
                        "summary: 21 texts, 1 with failures; 42 requests, 1 failed",
                        "sensitivity levels: high=1 medium=0 low=20 none=0",
                        "failures by error code: CONNECTION_FAILED=1",
                        "latency per request (41 responses): p50=50.0 ms p95=118.0 ms");
    }

    @Test
    void summaryWithoutFailuresSaysNone() {
        BatchSummary summary = new BatchSummary();

        List<String> lines = ReportFormatter.formatSummary(summary);

        assertThat(lines.get(2)).isEqualTo("failures by error code: none");
        assertThat(lines.get(3)).isEqualTo("latency per request: no responses");
    }

    @Test
    void progressLineCountsFailures() {
        assertThat(ReportFormatter.formatProgress(10, 300, 2))
                .isEqualTo("progress: 10/300 texts, 2 with failures");
    }
}
