package dev.scribe.gateway.domain;

/** Life cycle of a queued write. DELIVERED, REJECTED and DISCARDED are terminal. */
public enum QueuedRequestStatus {
    PENDING,
    REPLAYING,
    DELIVERED,
    REJECTED,
    DISCARDED;

    public boolean isTerminal() {
        return this == DELIVERED || this == REJECTED || this == DISCARDED;
    }
}
