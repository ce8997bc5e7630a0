package dev.scribe.writinganalysis.domain;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * Stored responses of requests sent with an {@code Idempotency-Key}, in {@code idempotency_key}.
 */
@Repository
public class IdempotencyRepository {

    /**
     * A stored request: the hash of its body and the response it got.
     *
     * @param requestHash lowercase hex SHA-256 of the canonical request body
     * @param response the stored response: {@code {"output": ..., "notices": [...]}}
     */
    public record StoredRequest(String requestHash, JsonNode response) {}

    private final JdbcClient jdbc;

    public IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the request stored under the key at or after {@code notBefore}, if any. */
    public Optional<StoredRequest> find(
            String key, String callerPseudonym, String operation, Instant notBefore) {
        return jdbc.sql(
                        """
                        SELECT request_hash, response FROM idempotency_key
                        WHERE idempotency_key = :key AND caller_pseudonym = :caller
                          AND operation = :operation AND created_at >= :notBefore
                        """)
                .param("key", key)
                .param("caller", callerPseudonym)
                .param("operation", operation)
                .param("notBefore", SqlTimes.toSql(notBefore))
                .query(
                        (rs, n) ->
                                new StoredRequest(
                                        rs.getString("request_hash"),
                                        StoredJson.read(rs.getString("response"))))
                .optional();
    }

    /**
     * Stores the response, replacing an expired entry under the same key.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a concurrent request stored the
     *     key first
     */
    public void save(
            String key,
            String callerPseudonym,
            String operation,
            String requestHash,
            JsonNode response,
            Instant at,
            Instant notBefore) {
        jdbc.sql(
                        """
                        DELETE FROM idempotency_key
                        WHERE idempotency_key = :key AND caller_pseudonym = :caller
                          AND operation = :operation AND created_at < :notBefore
                        """)
                .param("key", key)
                .param("caller", callerPseudonym)
                .param("operation", operation)
                .param("notBefore", SqlTimes.toSql(notBefore))
                .update();
        jdbc.sql(
                        """
                        INSERT INTO idempotency_key (idempotency_key, caller_pseudonym, operation,
                            request_hash, response, created_at)
                        VALUES (:key, :caller, :operation, :hash, :response, :at)
                        """)
                .param("key", key)
                .param("caller", callerPseudonym)
                .param("operation", operation)
                .param("hash", requestHash)
                .param("response", StoredJson.write(response))
                .param("at", SqlTimes.toSql(at))
                .update();
    }

    /** Deletes entries created before {@code notBefore}; returns how many. */
    public int deleteOlderThan(Instant notBefore) {
        return jdbc.sql("DELETE FROM idempotency_key WHERE created_at < :notBefore")
                .param("notBefore", SqlTimes.toSql(notBefore))
                .update();
    }
}
