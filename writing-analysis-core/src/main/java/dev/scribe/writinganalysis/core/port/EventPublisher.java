package dev.scribe.writinganalysis.core.port;

/**
 * Publishes domain and privacy events. The service implements it as a transactional outbox written
 * in the same transaction as the data change.
 */
public interface EventPublisher {

    void publish(EventEnvelope event);
}
