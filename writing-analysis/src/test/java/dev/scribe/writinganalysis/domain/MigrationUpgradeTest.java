package dev.scribe.writinganalysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrades a database with outbox rows from schema version 1 to the latest version, on H2 and on
 * PostgreSQL. The PostgreSQL case uses its own schema, drops it afterwards and is skipped without a
 * server. Pending rows stay pending with their attempts, and published rows stay published.
 */
class MigrationUpgradeTest {

    private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void outboxState_survivesUpgradeOnH2() {
        String url = "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        assertOutboxUpgrade(new DriverManagerDataSource(url, "sa", ""), null);
    }

    @Test
    void outboxState_survivesUpgradeOnPostgres() throws SQLException {
        Assumptions.assumeTrue(postgresReachable(), "PostgreSQL is not reachable; skipping");
        String schema =
                "wa_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            assertOutboxUpgrade(
                    new DriverManagerDataSource(
                            POSTGRES_URL + "?currentSchema=" + schema, "postgres", ""),
                    schema);
        } finally {
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void assertOutboxUpgrade(DriverManagerDataSource dataSource, String schema) {
        migrate(dataSource, schema, "1");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql(
                        "INSERT INTO outbox_event (event_id, type, envelope, created_at,"
                                + " published_at, attempts, last_error) VALUES ('e-pending',"
                                + " 'writing.analyzed', '{}', TIMESTAMP WITH TIME ZONE"
                                + " '2026-01-01 10:00:00+00', NULL, 3, 'broker down')")
                .update();
        jdbc.sql(
                        "INSERT INTO outbox_event (event_id, type, envelope, created_at,"
                                + " published_at, attempts, last_error) VALUES ('e-published',"
                                + " 'writing.analyzed', '{}', TIMESTAMP WITH TIME ZONE"
                                + " '2026-01-01 10:00:01+00', TIMESTAMP WITH TIME ZONE"
                                + " '2026-01-01 10:00:02+00', 1, NULL)")
                .update();

        migrate(dataSource, schema, "latest");

        List<Map<String, Object>> rows =
                jdbc.sql(
                                "SELECT e.event_id, d.attempts, d.last_error, d.published_at FROM"
                                        + " outbox_event e JOIN outbox_delivery d ON d.outbox_id ="
                                        + " e.id ORDER BY e.id")
                        .query()
                        .listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("event_id")).isEqualTo("e-pending");
        assertThat(((Number) rows.get(0).get("attempts")).intValue()).isEqualTo(3);
        assertThat(rows.get(0).get("last_error")).isEqualTo("broker down");
        assertThat(rows.get(0).get("published_at")).isNull();
        assertThat(rows.get(1).get("event_id")).isEqualTo("e-published");
        assertThat(rows.get(1).get("published_at")).isNotNull();
        assertThat(new OutboxRepository(jdbc).pending(10))
                .extracting(OutboxRow::eventId)
                .containsExactly("e-pending");
    }

    private static void migrate(DriverManagerDataSource dataSource, String schema, String target) {
        var configuration =
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .target(target);
        if (schema != null) {
            configuration = configuration.schemas(schema).createSchemas(true);
        }
        configuration.load().migrate();
    }

    private static boolean postgresReachable() {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
