package dev.scribe.writinganalysis.domain;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds and replaces encrypted values whose data key is wrapped by a key other than the active one.
 */
@Repository
public class EncryptedColumnRepository {

    private final JdbcClient jdbc;

    public EncryptedColumnRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored value: row id, the key id column and the stored ciphertext. */
    public record StoredValue(String rowId, String keyId, String ciphertext) {}

    /**
     * Returns up to {@code limit} values of {@code column} not under {@code activeKeyId} whose row
     * id sorts after {@code afterRowId} (empty string for the start), in row id order.
     */
    public List<StoredValue> underOtherKeys(
            EncryptedColumn column, String activeKeyId, String afterRowId, int limit) {
        return jdbc.sql(
                        "SELECT id, "
                                + column.keyIdColumn
                                + ", "
                                + column.ciphertextColumn
                                + " FROM "
                                + column.table
                                + " WHERE "
                                + column.keyIdColumn
                                + " IS NOT NULL AND "
                                + column.keyIdColumn
                                + " <> :active AND id > :after ORDER BY id LIMIT :limit")
                .param("active", activeKeyId)
                .param("after", afterRowId)
                .param("limit", limit)
                .query(
                        (rs, n) ->
                                new StoredValue(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /**
     * Replaces a value if it is still under {@code expectedKeyId}; returns false when another
     * writer changed or deleted the row first.
     */
    public boolean replace(
            EncryptedColumn column,
            String rowId,
            String expectedKeyId,
            String newKeyId,
            String newCiphertext) {
        return jdbc.sql(
                                "UPDATE "
                                        + column.table
                                        + " SET "
                                        + column.keyIdColumn
                                        + " = :newKey, "
                                        + column.ciphertextColumn
                                        + " = :ciphertext WHERE id = :id AND "
                                        + column.keyIdColumn
                                        + " = :expectedKey")
                        .param("newKey", newKeyId)
                        .param("ciphertext", newCiphertext)
                        .param("id", rowId)
                        .param("expectedKey", expectedKeyId)
                        .update()
                > 0;
    }

    /** Returns the number of values of {@code column} not under {@code activeKeyId}. */
    public long countUnderOtherKeys(EncryptedColumn column, String activeKeyId) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM "
                                + column.table
                                + " WHERE "
                                + column.keyIdColumn
                                + " IS NOT NULL AND "
                                + column.keyIdColumn
                                + " <> :active")
                .param("active", activeKeyId)
                .query(Long.class)
                .single();
    }
}
