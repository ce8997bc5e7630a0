package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.EngineConfig;
import dev.scribe.writinganalysis.core.WritingAnalysisEngine;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Caller;
import dev.scribe.writinganalysis.core.api.Operation;
import dev.scribe.writinganalysis.core.api.Role;
import dev.scribe.writinganalysis.core.api.ToolResult;
import dev.scribe.writinganalysis.core.port.NoiseSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * An engine wired to in-memory ports, a fixed clock and a recording noise source, for tests of the
 * engine and of code that embeds it.
 */
public final class TestEngine {

    /** Pseudonymisation key used by the golden audit cases. */
    public static final byte[] PSEUDONYM_KEY =
            "test-pseudonym-key".getBytes(StandardCharsets.UTF_8);

    public final InMemoryCourseDirectory directory = new InMemoryCourseDirectory();
    public final InMemoryConsentStore consents = new InMemoryConsentStore();
    public final InMemoryReflectionStore reflections = new InMemoryReflectionStore();
    public final InMemoryWritingSessionStore sessions = new InMemoryWritingSessionStore();
    public final InMemoryRetainedContentStore retained = new InMemoryRetainedContentStore();
    public final InMemoryAuditTrailStore auditTrail = new InMemoryAuditTrailStore();
    public final InMemoryPrivacyBudgetLedger budgets = new InMemoryPrivacyBudgetLedger();
    public final InMemoryDpAnswerCache dpAnswers = new InMemoryDpAnswerCache();
    public final RecordingEventPublisher events = new RecordingEventPublisher();
    public final MutableClock clock;
    public final NoiseSource noise;
    public final WritingAnalysisEngine engine;

    private TestEngine(Instant now, NoiseSource noise, EngineConfig config) {
        this.clock = new MutableClock(now);
        this.noise = noise;
        this.engine =
                WritingAnalysisEngine.builder()
                        .config(config)
                        .directory(directory)
                        .consents(consents)
                        .reflections(reflections)
                        .sessions(sessions)
                        .retainedContent(retained)
                        .auditTrail(auditTrail)
                        .budgets(budgets)
                        .dpAnswers(dpAnswers)
                        .events(events)
                        .clock(clock)
                        .noise(noise)
                        .build();
    }

    /** Engine with default configuration, the golden pseudonym key and zero noise. */
    public static TestEngine at(Instant now) {
        return new TestEngine(
                now, RecordingNoiseSource.zero(), EngineConfig.defaults(PSEUDONYM_KEY));
    }

    /** Engine with the given noise source and a configuration derived from the defaults. */
    public static TestEngine at(
            Instant now, NoiseSource noise, UnaryOperator<EngineConfig> configure) {
        return new TestEngine(now, noise, configure.apply(EngineConfig.defaults(PSEUDONYM_KEY)));
    }

    public ToolResult invoke(Operation operation, CallContext context, JsonNode arguments) {
        return engine.invoke(operation, context, arguments);
    }

    public static Caller caller(String id, Role role, String institutionId) {
        return new Caller(id, role, institutionId, List.of(), 1);
    }

    public static CallContext context(Caller caller) {
        return CallContext.of(caller, "corr-test-0001");
    }

    /** A clock whose instant tests may move; the zone is UTC. */
    public static final class MutableClock extends Clock {

        private volatile Instant instant;

        public MutableClock(Instant instant) {
            this.instant = instant;
        }

        public void set(Instant instant) {
            this.instant = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("the test clock is always UTC");
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }
}
