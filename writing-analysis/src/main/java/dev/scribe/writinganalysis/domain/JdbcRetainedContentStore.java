package dev.scribe.writinganalysis.domain;

import dev.scribe.writinganalysis.core.port.RetainedContent;
import dev.scribe.writinganalysis.core.port.RetainedContentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Metadata of retained writing content; the text itself is not stored. */
@Repository
public class JdbcRetainedContentStore implements RetainedContentStore {

    /** Retention of the data class {@code writing_content}. */
    static final Duration RETENTION = Duration.ofDays(365);

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcRetainedContentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(RetainedContent content) {
        Instant createdAt = content.createdAt() == null ? clock.instant() : content.createdAt();
        jdbc.sql(
                        """
                        INSERT INTO retained_content (id, subject_id, course_id, assignment_id,
                            content_length, redacted, created_at, expires_at)
                        VALUES (:id, :subject, :course, :assignment, :length, :redacted,
                            :createdAt, :expiresAt)
                        """)
                .param("id", content.contentId())
                .param("subject", content.subjectId())
                .param("course", content.courseId())
                .param("assignment", content.assignmentId())
                .param("length", content.length())
                .param("redacted", content.redacted())
                .param("createdAt", SqlTimes.toSql(createdAt))
                .param("expiresAt", SqlTimes.toSql(createdAt.plus(RETENTION)))
                .update();
    }
}
