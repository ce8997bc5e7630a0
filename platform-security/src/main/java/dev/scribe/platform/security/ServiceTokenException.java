package dev.scribe.platform.security;

/**
 * Thrown when a service token cannot be obtained. The message names the client, the audience and
 * the failure, never the token or the secret.
 */
public class ServiceTokenException extends Exception {

    public ServiceTokenException(String message) {
        super(message);
    }

    public ServiceTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
