package dev.scribe.writinganalysis.service;

import tools.jackson.databind.JsonNode;

/**
 * An in-process consumer of published events. Delivery is at least once, so a listener
 * de-duplicates by {@code eventId} when a repeat matters.
 */
public interface OutboxListener {

    /**
     * Handles one event; an exception leaves the row pending for the next relay run.
     *
     * @param type event type, for example {@code writing.analyzed}
     * @param eventId event id
     * @param envelope the complete event envelope
     */
    void onEvent(String type, String eventId, JsonNode envelope);
}
