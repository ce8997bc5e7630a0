package dev.scribe.identity.domain;

import dev.scribe.platform.security.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes user accounts and course memberships. No method changes an existing role. */
@Repository
public class UserAccountRepository {

    private final JdbcClient jdbc;

    public UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Finds the account with this id, with its courses. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> findById(String id) {
        Optional<UserAccount> account =
                jdbc.sql(
                                "SELECT id, institution_id, role, token_version, password_hash,"
                                        + " active FROM user_account WHERE id = :id")
                        .param("id", id)
                        .query(
                                (rs, row) ->
                                        new UserAccount(
                                                rs.getString("id"),
                                                rs.getString("institution_id"),
                                                Role.valueOf(rs.getString("role")),
                                                rs.getLong("token_version"),
                                                rs.getString("password_hash"),
                                                rs.getBoolean("active"),
                                                List.of()))
                        .optional();
        return account.map(
                found ->
                        new UserAccount(
                                found.id(),
                                found.institution(),
                                found.role(),
                                found.tokenVersion(),
                                found.passwordHash(),
                                found.active(),
                                coursesOf(found.id())));
    }

    private List<String> coursesOf(String userId) {
        return jdbc.sql(
                        "SELECT course_id FROM course_membership WHERE user_id = :id ORDER BY"
                                + " course_id")
                .param("id", userId)
                .query(String.class)
                .list();
    }

    /**
     * Creates a demo account, or sets the password hash of an existing one. The role, token version
     * and institution of an existing account stay as they are.
     */
    @Transactional
    public void upsertDemoAccount(
            String id, String institution, Role role, String passwordHash, List<String> courses) {
        int updated =
                jdbc.sql("UPDATE user_account SET password_hash = :hash WHERE id = :id")
                        .param("hash", passwordHash)
                        .param("id", id)
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO user_account (id, institution_id, role, token_version,"
                                    + " password_hash, active) VALUES (:id, :inst, :role, 1, :hash,"
                                    + " TRUE)")
                    .param("id", id)
                    .param("inst", institution)
                    .param("role", role.name())
                    .param("hash", passwordHash)
                    .update();
        }
        for (String course : courses) {
            jdbc.sql(
                            "INSERT INTO course_membership (user_id, course_id) SELECT :id, :course"
                                    + " WHERE NOT EXISTS (SELECT 1 FROM course_membership WHERE"
                                    + " user_id = :id AND course_id = :course)")
                    .param("id", id)
                    .param("course", course)
                    .update();
        }
    }
}
