package dev.scribe.writinganalysis.domain;

import dev.scribe.writinganalysis.core.port.DimensionScores;
import dev.scribe.writinganalysis.core.port.ReflectionRecord;
import dev.scribe.writinganalysis.core.port.ReflectionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reflection records in table {@code reflection_record}: scores in plain columns, the scored text
 * encrypted by {@link ContentCipher} in {@code text_ciphertext}. Reads of scores do not load the
 * text; {@link #text} decrypts it for one record.
 */
@Repository
public class JdbcReflectionStore implements ReflectionStore {

    /** Encryption context prefix; the row id completes it. */
    static final String TEXT_CONTEXT = "reflection_record.text_ciphertext:";

    private static final String COLUMNS =
            "id, subject_id, assignment_id, overall, depth, self_awareness, critical_thinking,"
                    + " growth_mindset, specificity, sensitivity_level, scorer_version,"
                    + " text_redacted, created_at";

    private final JdbcClient jdbc;
    private final ContentCipher cipher;

    public JdbcReflectionStore(JdbcClient jdbc, ContentCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void save(ReflectionRecord reflection) {
        DimensionScores dimensions = reflection.dimensions();
        String ciphertext =
                reflection.text() == null
                        ? null
                        : cipher.encrypt(
                                reflection.text(), TEXT_CONTEXT + reflection.reflectionId());

        jdbc.sql(
                        "INSERT INTO reflection_record ("
                                + COLUMNS
                                + ", text_key_id, text_ciphertext) VALUES (:id, :subject,"
                                + " :assignment, :overall, :depth, :selfAwareness,"
                                + " :criticalThinking, :growthMindset, :specificity,"
                                + " :sensitivity, :scorer, :redacted, :createdAt, :keyId,"
                                + " :ciphertext)")
                .param("id", reflection.reflectionId())
                .param("subject", reflection.subjectId())
                .param("assignment", reflection.assignmentId())
                .param("overall", reflection.overall())
                .param("depth", dimensions.depth())
                .param("selfAwareness", dimensions.selfAwareness())
                .param("criticalThinking", dimensions.criticalThinking())
                .param("growthMindset", dimensions.growthMindset())
                .param("specificity", dimensions.specificity())
                .param("sensitivity", reflection.sensitivityLevel())
                .param("scorer", reflection.scorerVersion())
                .param("redacted", reflection.textRedacted())
                .param("createdAt", SqlTimes.toSql(reflection.createdAt()))
                .param("keyId", ciphertext == null ? null : cipher.activeKeyId())
                .param("ciphertext", ciphertext)
                .update();
    }

    /**
     * Returns the decrypted text of a record; empty when the record does not exist or was stored
     * without text.
     *
     * @throws ContentDecryptionException when the stored value was altered or its key is missing
     */
    public Optional<String> text(String reflectionId) {
        return jdbc.sql("SELECT text_ciphertext FROM reflection_record WHERE id = :id")
                .param("id", reflectionId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(stored -> stored)
                .map(stored -> cipher.decrypt(stored, TEXT_CONTEXT + reflectionId));
    }

    @Override
    public Optional<ReflectionRecord> latest(String subjectId, @Nullable String assignmentId) {
        String assignmentFilter = assignmentId == null ? "" : " AND assignment_id = :assignment";
        var statement =
                jdbc.sql(
                                "SELECT "
                                        + COLUMNS
                                        + " FROM reflection_record WHERE subject_id = :subject"
                                        + assignmentFilter
                                        + " ORDER BY created_at DESC, id DESC LIMIT 1")
                        .param("subject", subjectId);
        if (assignmentId != null) {
            statement = statement.param("assignment", assignmentId);
        }
        return statement.query((rs, n) -> map(rs)).optional();
    }

    @Override
    public List<ReflectionRecord> createdBetween(
            Collection<String> subjectIds, Instant from, Instant to) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM reflection_record WHERE subject_id IN (:subjects) AND"
                                + " created_at >= :from AND created_at < :to ORDER BY created_at,"
                                + " id")
                .param("subjects", List.copyOf(subjectIds))
                .param("from", SqlTimes.toSql(from))
                .param("to", SqlTimes.toSql(to))
                .query((rs, n) -> map(rs))
                .list();
    }

    private static ReflectionRecord map(ResultSet rs) throws SQLException {
        return new ReflectionRecord(
                rs.getString("id"),
                rs.getString("subject_id"),
                rs.getString("assignment_id"),
                rs.getInt("overall"),
                new DimensionScores(
                        rs.getInt("depth"),
                        rs.getInt("self_awareness"),
                        rs.getInt("critical_thinking"),
                        rs.getInt("growth_mindset"),
                        rs.getInt("specificity")),
                rs.getString("sensitivity_level"),
                rs.getString("scorer_version"),
                SqlTimes.instant(rs, "created_at"),
                rs.getBoolean("text_redacted"));
    }
}
