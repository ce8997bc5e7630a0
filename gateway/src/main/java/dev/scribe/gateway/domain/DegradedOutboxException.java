package dev.scribe.gateway.domain;

/** The durable outbox could not write or read an entry. */
public class DegradedOutboxException extends RuntimeException {

    public DegradedOutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
