package dev.scribe.writinganalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scans every log that the tests of this module wrote for the personal data that the interface
 * suites sent: emails, phone numbers, SSN-like numbers, names, essay text and raw user ids. The
 * logs are the service's JSON log file and the captured stderr of the stdio children. Runs after
 * every unit test and, by its order, after the other integration tests.
 */
@Order(Integer.MAX_VALUE)
class PersonalDataLogScanIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Fewer lines than this means the suites did not log through the configured file. */
    private static final int MIN_SERVICE_LOG_LINES = 50;

    /** A line that only tool calls of the suites write (access denials are logged at INFO). */
    private static final String TOOL_FAILURE_MESSAGE = "Tool call failed with";

    private final Path logDirectory = TestLogs.directory();

    /**
     * A run with {@code -Dtest=...} executes only some unit tests, so the logs cannot hold what the
     * whole suite sent; the scan is then skipped with a message instead of failing on missing logs.
     */
    @BeforeAll
    static void requireTheWholeSuite() {
        String filter = System.getProperty("scribe.unit-test-filter", "");
        Assumptions.assumeTrue(
                filter.isBlank() || filter.startsWith("${"),
                "Skipped: the unit tests were filtered (-Dtest="
                        + filter
                        + "); the log scan needs the whole suite");
    }

    @Test
    void serviceLogs_areNonTrivialJson() throws IOException {
        List<Path> serviceLogs =
                logFiles().stream()
                        .filter(p -> nameOf(p).startsWith("writing-analysis-"))
                        .filter(p -> nameOf(p).endsWith(".json"))
                        .toList();
        assertThat(serviceLogs).as("service logs written by the tests").isNotEmpty();

        List<String> lines = new ArrayList<>();
        for (Path log : serviceLogs) {
            List<String> logLines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < logLines.size(); i++) {
                assertThat(JSON.readTree(logLines.get(i)).isObject())
                        .as("line %d of %s is a JSON object", i + 1, nameOf(log))
                        .isTrue();
            }
            lines.addAll(logLines);
        }

        assertThat(lines.size())
                .as("lines in the service logs")
                .isGreaterThan(MIN_SERVICE_LOG_LINES);
        assertThat(lines).as("tool call lines").anyMatch(l -> l.contains(TOOL_FAILURE_MESSAGE));
        assertThat(lines).as("MCP tool call lines").anyMatch(l -> l.contains("MCP tool call"));
    }

    @Test
    void stdioLogs_wereCaptured() throws IOException {
        List<Path> stdioLogs =
                logFiles().stream().filter(p -> nameOf(p).startsWith("stdio-")).toList();

        assertThat(stdioLogs).as("captured stderr of stdio children").isNotEmpty();
        if (Files.isDirectory(TestLogs.directory().resolveSibling("mcp-ts-client"))) {
            // The TypeScript client test ran in this build, so its stdio child's log must be here:
            // that proves this scan ran after it.
            assertThat(stdioLogs.stream().map(PersonalDataLogScanIT::nameOf))
                    .as("stderr of the TypeScript client's stdio child")
                    .contains("stdio-ts-client.log");
        }
        for (Path log : stdioLogs) {
            assertThat(Files.readString(log, StandardCharsets.UTF_8))
                    .as("stderr of %s", nameOf(log))
                    .contains("Serving MCP on stdin and stdout");
        }
    }

    @Test
    void logs_containNoPersonalData() throws IOException {
        List<String> leaks = new ArrayList<>();

        for (Path log : logFiles()) {
            leaks.addAll(leaksIn(log));
        }

        assertThat(leaks).as("personal data found in the logs").isEmpty();
    }

    @Test
    void scan_findsPlantedCanary(@TempDir Path directory) throws IOException {
        Path log = directory.resolve("planted.json");
        Files.writeString(
                log,
                "{\"message\":\"clean line\"}\n{\"message\":\"mail "
                        + PersonalDataCanaries.EMAIL.toUpperCase(Locale.ROOT)
                        + "\"}\n");

        assertThat(leaksIn(log))
                .containsExactly(
                        "planted.json line 2 contains canary \""
                                + PersonalDataCanaries.EMAIL
                                + "\"",
                        "planted.json line 2 contains canary \"vandersloot@\"",
                        "planted.json line 2 contains canary \"Vandersloot\"");
    }

    /**
     * Returns one entry per line of {@code log} and canary found in it, ignoring case. An entry
     * names the canary, not the line, because the line contains the leaked data.
     */
    static List<String> leaksIn(Path log) throws IOException {
        List<String> leaks = new ArrayList<>();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).toLowerCase(Locale.ROOT);
            for (String canary : PersonalDataCanaries.forbiddenInLogs()) {
                if (line.contains(canary.toLowerCase(Locale.ROOT))) {
                    leaks.add(
                            nameOf(log)
                                    + " line "
                                    + (i + 1)
                                    + " contains canary \""
                                    + canary
                                    + "\"");
                }
            }
        }
        return leaks;
    }

    private List<Path> logFiles() throws IOException {
        assertThat(logDirectory).as("test log directory").isDirectory();
        try (Stream<Path> files = Files.list(logDirectory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String nameOf(Path file) {
        return file.getFileName().toString();
    }
}
