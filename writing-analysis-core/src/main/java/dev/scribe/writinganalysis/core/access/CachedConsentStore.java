package dev.scribe.writinganalysis.core.access;

import dev.scribe.writinganalysis.core.port.ConsentSnapshot;
import dev.scribe.writinganalysis.core.port.ConsentStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Consent store that keeps each decision of the wrapped store for at most a time-to-live (60
 * seconds by default). {@link #evict(String)} drops a subject's decisions when a {@code
 * privacy.consent.updated} event arrives. A failing store with no fresh entry propagates its
 * failure, so the engine refuses the request.
 */
public final class CachedConsentStore implements ConsentStore {

    /** Maximum age of a cached consent decision. */
    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(60);

    private record Key(String subjectId, Set<String> purposes) {}

    private final ConsentStore delegate;
    private final TtlCache<Key, ConsentSnapshot> cache;

    public CachedConsentStore(ConsentStore delegate, Clock clock) {
        this(delegate, clock, DEFAULT_TIME_TO_LIVE);
    }

    public CachedConsentStore(ConsentStore delegate, Clock clock, Duration timeToLive) {
        this.delegate = delegate;
        this.cache = new TtlCache<>(clock, timeToLive);
    }

    @Override
    public ConsentSnapshot consents(String subjectId, Set<String> purposes) {
        Set<String> copy = Set.copyOf(purposes);
        return cache.get(new Key(subjectId, copy), () -> delegate.consents(subjectId, copy));
    }

    /** Drops every cached decision of the subject. */
    public void evict(String subjectId) {
        cache.evictIf(key -> key.subjectId().equals(subjectId));
    }
}
