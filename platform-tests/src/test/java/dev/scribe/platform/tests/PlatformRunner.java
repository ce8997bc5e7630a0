package dev.scribe.platform.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts platform components from the exec jars of the sibling modules as separate JVMs in a run
 * directory with {@code logs/}, {@code data/} and {@code keys/}, and stops them: gracefully with
 * SIGTERM on {@link #close()}, and forcibly from a shutdown hook if the test JVM exits first.
 */
final class PlatformRunner implements AutoCloseable {

    /** Heap and JIT settings that keep four JVMs within a small machine during tests. */
    private static final List<String> JVM_OPTIONS =
            List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final long GRACEFUL_STOP_SECONDS = 40;

    private final Path projectDir;
    private final Path runDir;
    private final List<PlatformProcess> processes = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::destroyAllForcibly, "e2e-process-killer");

    PlatformRunner(Path projectDir, Path runDir) {
        this.projectDir = projectDir;
        this.runDir = runDir;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Deletes and recreates the run directory, so that every test run starts from no data. */
    static Path freshRunDir(Path runDir) {
        try {
            if (Files.exists(runDir)) {
                try (Stream<Path> paths = Files.walk(runDir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(runDir.resolve("logs"));
            Files.createDirectories(runDir.resolve("data"));
            Files.createDirectories(runDir.resolve("keys"));
            return runDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to prepare run directory " + runDir, e);
        }
    }

    Path keysDir() {
        return runDir.resolve("keys");
    }

    Path dataDir() {
        return runDir.resolve("data");
    }

    /** Returns a port that was free on the loopback address a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find a free port", e);
        }
    }

    /**
     * Returns the runnable jar of a module, {@code <module>/target/<module>-*-exec.jar}.
     *
     * @throws IllegalStateException when the module has not been packaged
     */
    Path execJar(String module) {
        Path target = projectDir.resolve(module).resolve("target");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> stream =
                    Files.newDirectoryStream(target, module + "-*-exec.jar")) {
                stream.forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to list " + target, e);
            }
        }
        if (jars.size() != 1) {
            throw new IllegalStateException(
                    "Expected one exec jar in "
                            + target
                            + " but found "
                            + jars.size()
                            + "; build it with: mvn -B -DskipTests package -pl "
                            + module
                            + " -am");
        }
        return jars.get(0);
    }

    /** Starts {@code module}'s exec jar with {@code arguments}; output goes to logs/ID.log. */
    PlatformProcess start(String id, String module, int port, List<String> arguments) {
        Path jar = execJar(module);
        Path log = runDir.resolve("logs").resolve(id + ".log");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);

        try {
            Process process =
                    new ProcessBuilder(command)
                            .directory(runDir.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            PlatformProcess started = new PlatformProcess(id, process, port, log);
            processes.add(started);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start " + id, e);
        }
    }

    /**
     * Sends SIGTERM and waits for the exit, at most 40 seconds, then kills the process.
     *
     * @return whether the process exited within the time limit
     */
    boolean stopGracefully(PlatformProcess platformProcess) throws InterruptedException {
        Process process = platformProcess.process();
        process.destroy();
        boolean exited = process.waitFor(GRACEFUL_STOP_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return exited;
    }

    /**
     * Stops every process still running. All but the oldest (the registry, which every test starts
     * first) get SIGTERM together, because each writing-analysis instance drains for a while before
     * it stops; the oldest goes last.
     */
    @Override
    public void close() throws InterruptedException {
        List<PlatformProcess> newestFirst = new ArrayList<>(processes);
        Collections.reverse(newestFirst);
        PlatformProcess oldest =
                newestFirst.isEmpty() ? null : newestFirst.remove(newestFirst.size() - 1);
        for (PlatformProcess process : newestFirst) {
            if (process.isAlive()) {
                process.process().destroy();
            }
        }
        for (PlatformProcess process : newestFirst) {
            if (process.isAlive()) {
                stopGracefully(process);
            }
        }
        if (oldest != null && oldest.isAlive()) {
            stopGracefully(oldest);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, so the hook runs anyway and finds nothing alive.
        }
    }

    private void destroyAllForcibly() {
        for (PlatformProcess process : processes) {
            process.process().destroyForcibly();
        }
    }
}
