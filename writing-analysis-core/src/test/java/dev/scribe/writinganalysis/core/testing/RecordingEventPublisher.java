package dev.scribe.writinganalysis.core.testing;

import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Event publisher that keeps every published event in memory, in publication order. */
public final class RecordingEventPublisher implements EventPublisher {

    private final List<EventEnvelope> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(EventEnvelope event) {
        events.add(event);
    }

    public List<EventEnvelope> all() {
        return List.copyOf(events);
    }

    public List<EventEnvelope> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    public List<String> types() {
        return events.stream().map(EventEnvelope::type).toList();
    }

    public void clear() {
        events.clear();
    }
}
