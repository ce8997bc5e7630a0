package dev.scribe.writinganalysis.api.suite;

import dev.scribe.writinganalysis.TestLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The tool behaviour suite through the MCP Java SDK client over stdio: the service runs as a child
 * JVM with {@code --transport=stdio}, one per caller because the stdio caller is fixed for the
 * process. The children share one H2 database in a directory of their own, migrated and seeded
 * before the first child starts.
 */
class McpStdioToolBehaviourTest extends ToolBehaviourSuite {

    private Path childDataDir;

    @Override
    protected void seed(ToolWorld world) throws Exception {
        childDataDir = Files.createTempDirectory("wa-stdio-suite");
        DriverManagerDataSource database =
                new DriverManagerDataSource(
                        "jdbc:h2:file:" + childDataDir.resolve("writing-analysis"), "sa", "");
        Flyway.configure()
                .dataSource(database)
                // The demo data too, so that the children, which start at the same time, find
                // nothing left to migrate.
                .locations("classpath:db/migration", "classpath:db/demo")
                .load()
                .migrate();
        world.seed(database);
    }

    @Override
    protected ToolClient openClient() {
        McpToolClient client = McpToolClient.overStdio(childDataDir, TestLogs.directory());
        client.openSessions(List.of(world.student, world.educator, world.researcher));
        return client;
    }
}
