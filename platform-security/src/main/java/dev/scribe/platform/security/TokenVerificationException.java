package dev.scribe.platform.security;

/**
 * Thrown when a token fails verification. The message names the failed check and never contains the
 * token or any claim value.
 */
public class TokenVerificationException extends Exception {

    public TokenVerificationException(String message) {
        super(message);
    }

    public TokenVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
