package dev.scribe.writinganalysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

    private static boolean postgresReachable() {
        try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
