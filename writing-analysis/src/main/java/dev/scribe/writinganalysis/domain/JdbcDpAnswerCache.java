package dev.scribe.writinganalysis.domain;

import dev.scribe.writinganalysis.core.port.DpAnswerCache;
import dev.scribe.writinganalysis.core.port.DpQueryKey;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;

/**
 * Released differentially private answers in {@code dp_answer_cache}, keyed by query and UTC day.
 */
@Repository
public class JdbcDpAnswerCache implements DpAnswerCache {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcDpAnswerCache(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<JsonNode> find(DpQueryKey key) {
        return jdbc.sql(
                        """
                        SELECT answer FROM dp_answer_cache
                        WHERE scope = :scope AND target_id = :target AND timeframe = :timeframe
                          AND recipient_role = :role AND utc_day = :day
                        """)
                .param("scope", key.scope())
                .param("target", key.targetId())
                .param("timeframe", key.timeframe())
                .param("role", key.recipientRole())
                .param("day", key.utcDay())
                .query(String.class)
                .optional()
                .map(StoredJson::read);
    }

    @Override
    public void store(DpQueryKey key, JsonNode answer) {
        jdbc.sql(
                        """
                        INSERT INTO dp_answer_cache (scope, target_id, timeframe, recipient_role,
                            utc_day, answer, created_at)
                        VALUES (:scope, :target, :timeframe, :role, :day, :answer, :now)
                        """)
                .param("scope", key.scope())
                .param("target", key.targetId())
                .param("timeframe", key.timeframe())
                .param("role", key.recipientRole())
                .param("day", key.utcDay())
                .param("answer", StoredJson.write(answer))
                .param("now", SqlTimes.toSql(clock.instant()))
                .update();
    }
}
