package dev.scribe.writinganalysis.domain;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deletes rows whose retention period has ended, one data class at a time. */
@Repository
public class RetentionRepository {

    private final JdbcClient jdbc;

    public RetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes retained content created before {@code cutoff}; returns how many rows. */
    public int deleteWritingContentBefore(Instant cutoff) {
        return deleteBefore("DELETE FROM retained_content WHERE created_at < :cutoff", cutoff);
    }

    /** Deletes reflection records created before {@code cutoff}; returns how many rows. */
    public int deleteReflectionsBefore(Instant cutoff) {
        return deleteBefore("DELETE FROM reflection_record WHERE created_at < :cutoff", cutoff);
    }

    /** Deletes writing sessions last updated before {@code cutoff}; returns how many rows. */
    public int deleteProgressBefore(Instant cutoff) {
        return deleteBefore("DELETE FROM writing_session WHERE updated_at < :cutoff", cutoff);
    }

    /** Deletes cached private answers created before {@code cutoff}; returns how many rows. */
    public int deleteAnalyticsBefore(Instant cutoff) {
        return deleteBefore("DELETE FROM dp_answer_cache WHERE created_at < :cutoff", cutoff);
    }

    private int deleteBefore(String sql, Instant cutoff) {
        return jdbc.sql(sql).param("cutoff", SqlTimes.toSql(cutoff)).update();
    }
}
