package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.domain.OutboxRow;

/** Delivery target of the outbox relay: the service's own listeners or a message broker. */
public interface OutboxTransport {

    /**
     * Delivers one event and returns only once the target has accepted it (for a broker: after the
     * publisher confirm).
     *
     * @throws TransportUnavailableException when the target cannot be reached at all, so that the
     *     relay stops the run instead of failing every further row the same way
     * @throws RuntimeException when this event was not accepted
     */
    void deliver(OutboxRow row);

    /** The delivery target cannot be reached; every delivery would fail now. */
    class TransportUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public TransportUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
