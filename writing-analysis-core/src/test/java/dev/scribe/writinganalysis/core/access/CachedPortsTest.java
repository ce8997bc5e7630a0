package dev.scribe.writinganalysis.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.writinganalysis.core.port.ConsentSnapshot;
import dev.scribe.writinganalysis.core.testing.InMemoryConsentStore;
import dev.scribe.writinganalysis.core.testing.InMemoryCourseDirectory;
import dev.scribe.writinganalysis.core.testing.TestEngine.MutableClock;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CachedPortsTest {

    private static final Instant NOW = Instant.parse("2025-03-08T12:00:00Z");

    @Test
    void directoryAnswerServedWithinTtl() {
        MutableClock clock = new MutableClock(NOW);
        InMemoryCourseDirectory source = new InMemoryCourseDirectory().addStudent("s-1", "inst-1");
        CachedCourseDirectory cached = new CachedCourseDirectory(source, clock);
        cached.institutionOfStudent("s-1");

        source.failing(true);
        clock.set(NOW.plusSeconds(59));

        assertThat(cached.institutionOfStudent("s-1")).contains("inst-1");
    }

    @Test
    void directoryFailureAfterTtlPropagates() {
        MutableClock clock = new MutableClock(NOW);
        InMemoryCourseDirectory source = new InMemoryCourseDirectory().addStudent("s-1", "inst-1");
        CachedCourseDirectory cached = new CachedCourseDirectory(source, clock);
        cached.institutionOfStudent("s-1");

        source.failing(true);
        clock.set(NOW.plusSeconds(60));

        assertThatThrownBy(() -> cached.institutionOfStudent("s-1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void consentEvictionReloadsDecision() {
        MutableClock clock = new MutableClock(NOW);
        InMemoryConsentStore source = new InMemoryConsentStore().grant("s-1", "ai_analysis");
        CachedConsentStore cached = new CachedConsentStore(source, clock);
        cached.consents("s-1", Set.of("ai_analysis"));
        source.revokeAll("s-1");

        ConsentSnapshot beforeEviction = cached.consents("s-1", Set.of("ai_analysis"));
        cached.evict("s-1");
        ConsentSnapshot afterEviction = cached.consents("s-1", Set.of("ai_analysis"));

        assertThat(beforeEviction.decision("ai_analysis")).isPresent();
        assertThat(afterEviction.decision("ai_analysis")).isEmpty();
    }
}
