/**
 * Orchestration between the HTTP edge and the engine: transactions, idempotency, metrics and the
 * outbox relay.
 */
@NullMarked
package dev.scribe.writinganalysis.service;

import org.jspecify.annotations.NullMarked;
