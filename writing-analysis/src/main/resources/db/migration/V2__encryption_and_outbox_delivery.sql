-- Encrypted text at rest, and outbox delivery state kept apart from the event rows.
-- The SQL runs unchanged on H2 2.x and PostgreSQL 15+.

-- Reflection text and retained writing content, encrypted by the service (AES-256-GCM envelope
-- encryption, stored as v1:<keyId>:<wrappedKey>:<nonce>:<ciphertext>). The key id is repeated in
-- its own column so that the re-wrap job finds rows under an old key without parsing. Rows written
-- before this migration have no text (NULL).
ALTER TABLE reflection_record ADD COLUMN text_key_id VARCHAR(64);
ALTER TABLE reflection_record ADD COLUMN text_ciphertext VARCHAR(1048576);
CREATE INDEX reflection_by_text_key ON reflection_record (text_key_id);

ALTER TABLE retained_content ADD COLUMN content_key_id VARCHAR(64);
ALTER TABLE retained_content ADD COLUMN content_ciphertext VARCHAR(1048576);
CREATE INDEX retained_content_by_key ON retained_content (content_key_id);

-- Delivery state of each outbox row. The relay updates only these small rows, so the large
-- envelope rows of outbox_event are written once and never rewritten (on H2 every update of a row
-- re-serialises all of its strings).
CREATE TABLE outbox_delivery (
    outbox_id           BIGINT       PRIMARY KEY REFERENCES outbox_event (id) ON DELETE CASCADE,
    attempts            INTEGER      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error          VARCHAR(500),
    -- The relay skips the row (and every later row of the same subject) until this time.
    next_attempt_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at        TIMESTAMP WITH TIME ZONE
);

CREATE INDEX outbox_delivery_pending ON outbox_delivery (published_at, outbox_id);

INSERT INTO outbox_delivery (outbox_id, attempts, last_error, next_attempt_at, published_at)
SELECT id, attempts, last_error, created_at, published_at FROM outbox_event;

DROP INDEX outbox_event_pending;
ALTER TABLE outbox_event DROP COLUMN published_at;
ALTER TABLE outbox_event DROP COLUMN attempts;
ALTER TABLE outbox_event DROP COLUMN last_error;

-- One relay at a time publishes, so that rows leave in creation order even when several instances
-- share the database. A relay holds the lease while it renews it before expires_at.
CREATE TABLE outbox_relay_lease (
    id                  INTEGER      PRIMARY KEY CHECK (id = 1),
    holder              VARCHAR(64)  NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO outbox_relay_lease (id, holder, expires_at)
VALUES (1, 'none', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
