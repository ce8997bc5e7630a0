package dev.scribe.platform.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./scribe up} is idempotent: run again, it starts only the components that are not running.
 * The launcher runs on free loopback ports with a run directory under {@code target/}.
 */
class ScribeUpIT {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(6);
    private static final Pattern STARTED = Pattern.compile("started (\\S+) \\(pid");

    private static Path projectDir;
    private static Path runDir;
    private static Map<String, String> environment;
    private static int firstInstancePort;

    /** Exit status and combined output of one launcher command. */
    private record Result(int exitStatus, String output) {

        List<String> startedComponents() {
            List<String> started = new ArrayList<>();
            Matcher matcher = STARTED.matcher(output);
            while (matcher.find()) {
                started.add(matcher.group(1));
            }
            return started;
        }
    }

    @BeforeAll
    static void prepare() {
        projectDir =
                Path.of(System.getProperty("scribe.project-dir", ".."))
                        .toAbsolutePath()
                        .normalize();
        runDir =
                PlatformRunner.freshRunDir(
                        Path.of(System.getProperty("scribe.e2e-run-dir", "target/e2e-run"))
                                .resolveSibling("scribe-up-run")
                                .toAbsolutePath());
        firstInstancePort = PlatformRunner.freePort();
        environment =
                Map.of(
                        "SCRIBE_RUN_DIR", runDir.toString(),
                        "SCRIBE_REGISTRY_PORT", Integer.toString(PlatformRunner.freePort()),
                        "SCRIBE_IDENTITY_PORT", Integer.toString(PlatformRunner.freePort()),
                        "SCRIBE_GATEWAY_PORT", Integer.toString(PlatformRunner.freePort()),
                        "SCRIBE_GATEWAY_MANAGEMENT_PORT",
                                Integer.toString(PlatformRunner.freePort()),
                        "SCRIBE_WRITING_ANALYSIS_PORT", Integer.toString(firstInstancePort),
                        "SCRIBE_JAVA_OPTS",
                                "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (environment != null) {
            scribe("down", "--force");
        }
    }

    @Test
    void upStartsOnlyMissingComponents() throws Exception {
        Result first = scribe("up", "--instances", "writing-analysis=2");
        assertThat(first.exitStatus()).as("first up:\n%s", first.output()).isZero();
        assertThat(first.startedComponents())
                .as("components started by the first up")
                .hasSize(5)
                .contains(
                        "registry", "identity", "gateway", "writing-analysis-" + firstInstancePort);
        String extra =
                first.startedComponents().stream()
                        .filter(id -> id.startsWith("writing-analysis-"))
                        .filter(id -> !id.equals("writing-analysis-" + firstInstancePort))
                        .findFirst()
                        .orElseThrow();

        Result second = scribe("up", "--instances", "writing-analysis=2");
        assertThat(second.exitStatus()).as("second up:\n%s", second.output()).isZero();
        assertThat(second.startedComponents()).as("components started by the second up").isEmpty();
        assertThat(second.output()).contains("registry already running");
        assertThat(second.output()).contains("identity already running");
        assertThat(second.output()).contains("gateway already running");

        killForcibly(extra);
        Result third = scribe("up", "--instances", "writing-analysis=2");
        assertThat(third.exitStatus()).as("up after SIGKILL:\n%s", third.output()).isZero();
        assertThat(third.startedComponents())
                .as("components started after SIGKILL of %s", extra)
                .containsExactly(extra);

        Result status = scribe("status");
        assertThat(status.exitStatus()).as("status:\n%s", status.output()).isZero();
    }

    /** Sends SIGKILL to a component, as {@code kill -9} does, and waits for its exit. */
    private static void killForcibly(String id) throws IOException {
        long pid =
                Long.parseLong(
                        Files.readAllLines(runDir.resolve("pids").resolve(id + ".pid"))
                                .get(0)
                                .strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        await(id + " exit").atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive());
    }

    private static Result scribe(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(projectDir.resolve("scribe").toString());
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(runDir, "scribe-", ".out");

        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(projectDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "./scribe "
                            + String.join(" ", arguments)
                            + " did not finish within "
                            + COMMAND_TIMEOUT
                            + ":\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
