package dev.scribe.writinganalysis.domain;

/**
 * The encrypted text columns, with the key-id column beside each and the encryption context that
 * binds a value to its row.
 */
public enum EncryptedColumn {
    REFLECTION_TEXT(
            "reflection_record",
            "text_key_id",
            "text_ciphertext",
            JdbcReflectionStore.TEXT_CONTEXT),
    RETAINED_CONTENT(
            "retained_content",
            "content_key_id",
            "content_ciphertext",
            JdbcRetainedContentStore.CONTENT_CONTEXT);

    final String table;
    final String keyIdColumn;
    final String ciphertextColumn;
    final String contextPrefix;

    EncryptedColumn(
            String table, String keyIdColumn, String ciphertextColumn, String contextPrefix) {
        this.table = table;
        this.keyIdColumn = keyIdColumn;
        this.ciphertextColumn = ciphertextColumn;
        this.contextPrefix = contextPrefix;
    }

    /**
     * Returns the encryption context of the row, for example {@code
     * reflection_record.text_ciphertext:<id>}.
     */
    public String context(String rowId) {
        return contextPrefix + rowId;
    }
}
