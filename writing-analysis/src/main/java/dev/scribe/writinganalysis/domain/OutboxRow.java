package dev.scribe.writinganalysis.domain;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One pending row of the outbox.
 *
 * @param id row id, increasing in insertion order
 * @param eventId event id, by which consumers de-duplicate
 * @param type event type
 * @param envelope the complete event envelope
 * @param attempts failed delivery attempts so far
 * @param nextAttemptAt earliest time of the next delivery attempt
 */
public record OutboxRow(
        long id,
        String eventId,
        String type,
        JsonNode envelope,
        int attempts,
        Instant nextAttemptAt) {

    /**
     * Returns the key within which events keep their order: the subject pseudonym, or the empty
     * string for events without a subject, which therefore keep their order among themselves.
     */
    public String orderingKey() {
        JsonNode subject = envelope.path("subjectPseudonym");
        return subject.isString() ? subject.asString() : "";
    }
}
