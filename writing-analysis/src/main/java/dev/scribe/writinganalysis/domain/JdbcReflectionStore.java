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

/** Reflection scores in table {@code reflection_record}; the reflection text is not stored. */
@Repository
public class JdbcReflectionStore implements ReflectionStore {

    private static final String COLUMNS =
            "id, subject_id, assignment_id, overall, depth, self_awareness, critical_thinking,"
                    + " growth_mindset, specificity, sensitivity_level, scorer_version,"
                    + " text_redacted, created_at";

    private final JdbcClient jdbc;

    public JdbcReflectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(ReflectionRecord reflection) {
        DimensionScores dimensions = reflection.dimensions();
        jdbc.sql(
                        "INSERT INTO reflection_record ("
                                + COLUMNS
                                + ") VALUES (:id, :subject, :assignment, :overall, :depth,"
                                + " :selfAwareness, :criticalThinking, :growthMindset,"
                                + " :specificity, :sensitivity, :scorer, :redacted, :createdAt)")
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
                .update();
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
