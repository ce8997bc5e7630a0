package dev.scribe.writinganalysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storage contract on PostgreSQL (profile {@code postgres}), in a schema of its own that is
 * dropped afterwards, so the suite can run again on the same database. Skipped when no PostgreSQL
 * server accepts connections on 127.0.0.1:5432.
 */
@ActiveProfiles("postgres")
class PostgresStorageContractTest extends StorageContractTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";
    private static final String KEY_ID = "pg-test-1";
    private static final String TEST_KEY = randomKey();
    private static final String SCHEMA =
            "wa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void postgresProperties(DynamicPropertyRegistry registry) {
        Assumptions.assumeTrue(
                postgresReachable(),
                "PostgreSQL is not reachable at " + URL + " as user " + USER + "; skipping");
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
        // The postgres profile does not start without configured keys.
        registry.add("platform.encryption.keys." + KEY_ID, () -> TEST_KEY);
        registry.add("platform.encryption.active-key-id", () -> KEY_ID);
        registry.add("platform.privacy.pseudonymization-key", () -> TEST_KEY);
        registry.add("platform.privacy.audit-checkpoint-key", () -> randomKey());
    }

    @Test
    void encryption_usesConfiguredKey() {
        assertThat(cipher.activeKeyId()).isEqualTo(KEY_ID);
    }

    @Test
    void migrations_ranOnPostgres() {
        List<String> versions =
                jdbc.sql(
                                "SELECT version FROM flyway_schema_history WHERE success ORDER BY"
                                        + " installed_rank")
                        .query(String.class)
                        .list();

        assertThat(versions).contains("1", "2");
    }

    @Test
    void database_isDedicatedPostgresSchema() {
        String schema = jdbc.sql("SELECT current_schema()").query(String.class).single();

        assertThat(schema).isEqualTo(SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (!postgresReachable()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static boolean postgresReachable() {
        try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
