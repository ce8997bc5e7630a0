package dev.scribe.platform.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One component started as a separate JVM: its id, process, HTTP port and log file. */
record PlatformProcess(String id, Process process, int port, Path log) {

    boolean isAlive() {
        return process.isAlive();
    }

    /** Returns the last {@code lines} lines of the log, for failure messages. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read log " + log, e);
        }
    }

    /** Raises an assertion error with the log tail when the process has exited. */
    void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(
                    id
                            + " exited with status "
                            + process.exitValue()
                            + "; last lines of "
                            + log
                            + ":\n"
                            + logTail(40));
        }
    }
}
