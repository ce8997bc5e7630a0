package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.domain.OutboxRow;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Delivers events to the service's own {@link OutboxListener}s, because the embedded profile has no
 * message broker.
 */
@Component
@ConditionalOnProperty(
        name = "platform.outbox.transport",
        havingValue = "in-process",
        matchIfMissing = true)
public class OutboxInProcessTransport implements OutboxTransport {

    private final List<OutboxListener> listeners;

    public OutboxInProcessTransport(List<OutboxListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void deliver(OutboxRow row) {
        for (OutboxListener listener : listeners) {
            listener.onEvent(row.type(), row.eventId(), row.envelope());
        }
    }
}
