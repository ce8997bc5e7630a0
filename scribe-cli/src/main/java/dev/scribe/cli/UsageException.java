package dev.scribe.cli;

/**
 * Raised for a command line or an input file that the CLI cannot act on. The message names the
 * option, file or line and the rule it breaks; the CLI prints it and exits with status 2.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
