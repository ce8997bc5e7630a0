package dev.scribe.identity.service;

/**
 * Thrown when a sign-in fails. Callers get one generic message whatever the cause, so that the
 * response does not reveal whether an account exists.
 */
public class InvalidCredentialsException extends Exception {

    public InvalidCredentialsException(String reasonForLogs) {
        super(reasonForLogs);
    }
}
