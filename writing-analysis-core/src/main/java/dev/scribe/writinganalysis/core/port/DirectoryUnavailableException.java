package dev.scribe.writinganalysis.core.port;

/**
 * Thrown by a port when its backing system (course directory, consent store, database) cannot be
 * reached. The engine refuses the request with {@code UNAVAILABLE}; any other runtime exception
 * from a port is treated the same way, so throwing this type is a courtesy that makes logs clearer.
 */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
