package dev.scribe.writinganalysis.core.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A small time-bounded cache: an entry is served while it is younger than the time-to-live, and the
 * loader is called otherwise. A failing loader propagates its exception, so a stale entry is never
 * served.
 */
final class TtlCache<K, V> {

    private record Entry<V>(V value, Instant loadedAt) {}

    private final Clock clock;
    private final Duration timeToLive;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    TtlCache(Clock clock, Duration timeToLive) {
        this.clock = clock;
        this.timeToLive = timeToLive;
    }

    V get(K key, Supplier<V> loader) {
        Instant now = clock.instant();
        Entry<V> cached = entries.get(key);
        if (cached != null && now.isBefore(cached.loadedAt().plus(timeToLive))) {
            return cached.value();
        }
        V value = loader.get();
        entries.put(key, new Entry<>(value, now));
        return value;
    }

    void evictIf(Predicate<K> matches) {
        entries.keySet().removeIf(matches);
    }
}
