package dev.scribe.writinganalysis.domain;

import tools.jackson.databind.JsonNode;

/**
 * One pending row of the outbox.
 *
 * @param id row id, increasing in insertion order
 * @param eventId event id, by which consumers de-duplicate
 * @param type event type
 * @param envelope the complete event envelope
 * @param attempts failed delivery attempts so far
 */
public record OutboxRow(long id, String eventId, String type, JsonNode envelope, int attempts) {}
