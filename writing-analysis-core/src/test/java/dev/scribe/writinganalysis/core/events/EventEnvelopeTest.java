package dev.scribe.writinganalysis.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.platform.web.Tier;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.audit.Pseudonymizer;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.testing.InMemoryCourseDirectory;
import dev.scribe.writinganalysis.core.testing.TestEngine;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventEnvelopeTest {

    private static final Instant NOW = Instant.parse("2025-03-08T12:00:00.123Z");
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private TestEngine analysed() {
        TestEngine t = TestEngine.at(NOW);
        t.directory.addCourse(InMemoryCourseDirectory.course("course-1", "inst-1", "educator-1"));
        t.directory.enrol("student-1", "course-1", true);
        t.consents.grant("student-1", "ai_analysis");
        CallContext context =
                new CallContext(
                        TestEngine.caller("student-1", Role.STUDENT, "inst-1"),
                        "corr-0001",
                        TRACE_ID,
                        null,
                        Tier.REMOTE,
                        null,
                        false);
        ObjectNode args = Json.object();
        args.put("content", "Contact Ana Ruiz about my essay draft.");
        args.put("userId", "student-1");
        args.put("purpose", "writing_improvement");
        args.putObject("educationalContext").put("courseId", "course-1");
        t.invoke(Operation.ANALYZE_WRITING_PATTERNS, context, args);
        return t;
    }

    @Test
    void envelopeCarriesPlatformFields() {
        TestEngine t = analysed();
        String student = new Pseudonymizer(TestEngine.PSEUDONYM_KEY).pseudonym("student-1");

        EventEnvelope event = t.events.ofType("writing.analyzed").get(0);

        assertThat(event.producer()).isEqualTo("writing-analysis");
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.correlationId()).isEqualTo("corr-0001");
        assertThat(event.traceparent()).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(event.subjectPseudonym()).isEqualTo(student);
        assertThat(event.privacyLevel()).isEqualTo("confidential");
        assertThat(event.metadata().source()).isEqualTo("analyze_writing_patterns");
        assertThat(event.metadata().courseId()).isEqualTo("course-1");
        assertThat(event.privacyContext().dataMinimized()).isTrue();
        assertThat(event.privacyContext().consentVerified()).isTrue();
        assertThat(event.privacyContext().educationalPurpose()).isEqualTo("writing_improvement");
        assertThat(event.category()).isNull();
        assertThat(event.payload().get("patternsDetected").toString())
                .isEqualTo("[\"structure\",\"sentiment\",\"complexity\",\"style\"]");
    }

    @Test
    void privacyEventsHaveCategory() {
        TestEngine t = analysed();

        EventEnvelope accessed = t.events.ofType("privacy.data.accessed").get(0);

        assertThat(accessed.category()).isEqualTo("audit");
        assertThat(accessed.payload().get("dataType").asString()).isEqualTo("student-writing");
        assertThat(accessed.payload().get("purpose").asString()).isEqualTo("educational-analysis");
    }

    @Test
    void noEventCarriesRawIdsOrText() {
        TestEngine t = analysed();

        for (EventEnvelope event : t.events.all()) {
            String json = EventJson.toJson(event).toString();
            assertThat(json).doesNotContain("student-1").doesNotContain("Ana Ruiz");
        }
    }

    @Test
    void jsonFormUsesMillisecondTimestamps() {
        TestEngine t = analysed();

        JsonNode json = EventJson.toJson(t.events.all().get(0));

        assertThat(json.get("occurredAt").asString()).isEqualTo("2025-03-08T12:00:00.123Z");
        assertThat(json.has("keyId")).isFalse();
        assertThat(json.get("encrypted").booleanValue()).isFalse();
    }
}
