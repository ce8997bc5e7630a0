package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.port.ConsentDecision;
import dev.scribe.writinganalysis.core.port.ConsentSnapshot;
import dev.scribe.writinganalysis.core.port.ConsentStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Consent store kept in memory; {@link #failing(boolean)} simulates an unreachable store. */
public final class InMemoryConsentStore implements ConsentStore {

    private final Map<String, Map<String, ConsentDecision>> decisions = new ConcurrentHashMap<>();
    private final Map<String, Integer> ages = new ConcurrentHashMap<>();
    private volatile boolean failing;

    public InMemoryConsentStore put(String subjectId, ConsentDecision decision) {
        decisions
                .computeIfAbsent(subjectId, k -> new ConcurrentHashMap<>())
                .put(decision.purpose(), decision);
        return this;
    }

    /** Grants the given purposes as the student, without expiry. */
    public InMemoryConsentStore grant(String subjectId, String... purposes) {
        for (String purpose : purposes) {
            put(subjectId, ConsentDecision.grantedByStudent(purpose));
        }
        return this;
    }

    public InMemoryConsentStore revokeAll(String subjectId) {
        decisions.remove(subjectId);
        return this;
    }

    public InMemoryConsentStore age(String subjectId, int age) {
        ages.put(subjectId, age);
        return this;
    }

    public InMemoryConsentStore failing(boolean failing) {
        this.failing = failing;
        return this;
    }

    @Override
    public ConsentSnapshot consents(String subjectId, Set<String> purposes) {
        if (failing) {
            throw new IllegalStateException("consent store unreachable (simulated)");
        }
        Map<String, ConsentDecision> stored = decisions.getOrDefault(subjectId, Map.of());
        Map<String, ConsentDecision> result = new HashMap<>();
        for (String purpose : purposes) {
            ConsentDecision decision = stored.get(purpose);
            if (decision != null) {
                result.put(purpose, decision);
            }
        }
        return new ConsentSnapshot(ages.get(subjectId), result);
    }
}
