package dev.scribe.writinganalysis.domain;

/**
 * A stored encrypted value cannot be decrypted: it is malformed, names a key that is not in the
 * keyring, or fails GCM authentication. The message names the table, column and row id, never the
 * content.
 */
public class ContentDecryptionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ContentDecryptionException(String message) {
        super(message);
    }

    public ContentDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
