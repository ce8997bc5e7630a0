package dev.scribe.writinganalysis.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cheap queries that show whether each store of the service can be read. Each throws a runtime
 * exception when its store cannot be reached.
 */
@Component
public class StorageProbes {

    private final JdbcClient jdbc;
    private final OutboxRepository outbox;

    public StorageProbes(JdbcClient jdbc, OutboxRepository outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    public void database() {
        jdbc.sql("SELECT 1").query(Integer.class).single();
    }

    public void consentStore() {
        jdbc.sql("SELECT COUNT(*) FROM consent_decision WHERE 1 = 0").query(Long.class).single();
    }

    public void directory() {
        jdbc.sql("SELECT COUNT(*) FROM course WHERE 1 = 0").query(Long.class).single();
    }

    public void auditTrail() {
        jdbc.sql("SELECT last_seq FROM audit_chain_head WHERE id = 1").query(Long.class).single();
    }

    /** Returns the number of outbox events not yet published. */
    public long pendingOutboxEvents() {
        return outbox.countPending();
    }
}
