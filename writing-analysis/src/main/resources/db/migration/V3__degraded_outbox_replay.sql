-- Outbox ids of the records a gateway's local tier wrote during an outage and replayed here. The
-- gateway may send an entry again after a lost acknowledgement; the primary key makes the second
-- delivery a no-op. The SQL runs unchanged on H2 2.x and PostgreSQL 15+.
CREATE TABLE degraded_outbox_replay (
    outbox_id    VARCHAR(36)              PRIMARY KEY,
    kind         VARCHAR(16)              NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    replayed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Sequence number the replayed audit entry received in audit_event; null for other kinds.
    audit_seq    BIGINT
);
