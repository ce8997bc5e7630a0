package dev.scribe.gateway.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the durable outbox: an encrypted record that the writing-analysis service stores on
 * replay. Nothing in the clear names a person; the payload is AES-256-GCM ciphertext.
 *
 * @param outboxId id under which the service de-duplicates the replay
 * @param kind what the payload is
 * @param createdAt time the entry was written
 * @param keyId fingerprint of the key that encrypted the payload
 * @param nonce Base64 of the random 12-byte GCM nonce
 * @param payload Base64 of the ciphertext with its 16-byte GCM tag
 * @param payloadHash lowercase hex SHA-256 of the plaintext payload
 */
public record DegradedOutboxEntry(
        UUID outboxId,
        Kind kind,
        Instant createdAt,
        String keyId,
        String nonce,
        String payload,
        String payloadHash) {

    public DegradedOutboxEntry {
        Objects.requireNonNull(outboxId, "outboxId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(payloadHash, "payloadHash");
    }

    /** Record types of the outbox; the wire name is the lower-case constant name. */
    public enum Kind {
        AUDIT,
        EVENT,
        REFLECTION,
        PROGRESS;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
