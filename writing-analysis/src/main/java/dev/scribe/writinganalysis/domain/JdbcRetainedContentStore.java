package dev.scribe.writinganalysis.domain;

import dev.scribe.writinganalysis.core.port.RetainedContent;
import dev.scribe.writinganalysis.core.port.RetainedContentStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Retained writing content in table {@code retained_content}: metadata in plain columns, the text
 * encrypted by {@link ContentCipher} in {@code content_ciphertext}.
 */
@Repository
public class JdbcRetainedContentStore implements RetainedContentStore {

    /** Retention of the data class {@code writing_content}. */
    static final Duration RETENTION = Duration.ofDays(365);

    /** Encryption context prefix; the row id completes it. */
    static final String CONTENT_CONTEXT = "retained_content.content_ciphertext:";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ContentCipher cipher;

    public JdbcRetainedContentStore(JdbcClient jdbc, Clock clock, ContentCipher cipher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cipher = cipher;
    }

    @Override
    public void save(RetainedContent content) {
        Instant createdAt = content.createdAt() == null ? clock.instant() : content.createdAt();
        String ciphertext =
                content.content() == null
                        ? null
                        : cipher.encrypt(content.content(), CONTENT_CONTEXT + content.contentId());

        jdbc.sql(
                        """
                        INSERT INTO retained_content (id, subject_id, course_id, assignment_id,
                            content_length, redacted, created_at, expires_at, content_key_id,
                            content_ciphertext)
                        VALUES (:id, :subject, :course, :assignment, :length, :redacted,
                            :createdAt, :expiresAt, :keyId, :ciphertext)
                        """)
                .param("id", content.contentId())
                .param("subject", content.subjectId())
                .param("course", content.courseId())
                .param("assignment", content.assignmentId())
                .param("length", content.length())
                .param("redacted", content.redacted())
                .param("createdAt", SqlTimes.toSql(createdAt))
                .param("expiresAt", SqlTimes.toSql(createdAt.plus(RETENTION)))
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
    public Optional<String> content(String contentId) {
        return jdbc.sql("SELECT content_ciphertext FROM retained_content WHERE id = :id")
                .param("id", contentId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional()
                .flatMap(stored -> stored)
                .map(stored -> cipher.decrypt(stored, CONTENT_CONTEXT + contentId));
    }
}
