package dev.scribe.writinganalysis.domain;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Current token versions of directory users; tokens with a lower version are revoked. */
@Repository
public class TokenVersions {

    private final JdbcClient jdbc;

    public TokenVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Returns the user's current token version, or empty for a user the directory does not list.
     */
    public Optional<Long> currentVersion(String userId) {
        return jdbc.sql("SELECT token_version FROM directory_user WHERE id = :id")
                .param("id", userId)
                .query(Long.class)
                .optional();
    }
}
