package dev.scribe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScribeCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ScribeCli cli =
            new ScribeCli(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Clock.systemUTC(),
                    Map.of());

    @Test
    void noArgumentsPrintsUsageAndFails() {
        int status = cli.run();

        assertThat(status).isEqualTo(ScribeCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: scribe-cli COMMAND");
    }

    @Test
    void unknownCommandExitsWithUsageStatus() {
        int status = cli.run("frobnicate");

        assertThat(status).isEqualTo(ScribeCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command 'frobnicate'");
    }

    @Test
    void eachCommandHasHelp() {
        for (String command : new String[] {"keys", "token", "analyze"}) {
            out.reset();

            int status = cli.run(command, "--help");

            assertThat(status).as(command).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .as(command)
                    .startsWith("Usage: scribe-cli " + command);
        }
    }

    @Test
    void analyzeWithoutTokenIsUsageError() {
        int status = cli.run("analyze", "--gateway", "http://127.0.0.1:8080", "a.txt");

        assertThat(status).isEqualTo(ScribeCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("A token is required");
    }

    @Test
    void analyzeRejectsNonHttpGateway() {
        int status = cli.run("analyze", "--gateway", "ftp://127.0.0.1", "--token", "a.b.c", "x");

        assertThat(status).isEqualTo(ScribeCli.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("http or https URL");
    }
}
