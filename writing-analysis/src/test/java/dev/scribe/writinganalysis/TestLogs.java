package dev.scribe.writinganalysis;

import java.nio.file.Path;

/**
 * Location of the logs that the tests of this module write: the service's JSON log file and the
 * captured stderr of the stdio child processes. The personal-data log scan reads every file there.
 */
public final class TestLogs {

    /** System property that the build sets to {@code target/test-logs} of this module. */
    public static final String DIRECTORY_PROPERTY = "scribe.test-log-dir";

    private TestLogs() {}

    public static Path directory() {
        return Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/test-logs")).toAbsolutePath();
    }
}
