package dev.scribe.platform.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scribe.cli.token.KeysCommand;
import dev.scribe.platform.tests.HttpCalls.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Chaos under load: the registry, two writing-analysis instances and the gateway run as real
 * processes while a steady mix of reads (sensitivity) and queueable writes (progress) goes through
 * the gateway. During the load one instance is killed with SIGKILL and restarted, the other is
 * stopped gracefully, and then every instance is killed for a while and restarted.
 *
 * <p>Checks: every write acknowledged with 2xx or 202 is stored exactly once in the service after
 * recovery (reconciled by id through the progress read), writes were queued while no instance ran,
 * the queue drained within 30 s of the instances being back, reads were answered by the remote tier
 * again within 30 s, no read got a 5xx (a lower tier answered while the service was down), and the
 * {@code writing-analysis} circuit opened and closed again, read from {@code GET /admin/circuits}.
 */
class ChaosIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration ALL_DOWN = Duration.ofSeconds(8);
    private static final String SERVICE = "writing-analysis";
    private static final String API = "/api/writing-analysis";
    private static final String READ_CIRCUIT = SERVICE + ":sensitivity";

    /**
     * The demo students, all with progress-tracking consent. Writes rotate over them, because the
     * queue replays the progress writes of one student one after another (they share an ordering
     * key) and several students replay in parallel.
     */
    private static final List<String> STUDENTS =
            List.of(
                    "student-demo",
                    "student-demo-2",
                    "student-demo-3",
                    "student-demo-4",
                    "student-demo-5",
                    "student-demo-6");

    /** One request every 100 ms (10 per second), alternating read and write. */
    private static final long LOAD_PERIOD_MS = 100;

    private static final HttpCalls http = new HttpCalls();

    private static PlatformRunner runner;
    private static PlatformProcess gateway;
    private static int gatewayManagementPort;
    private static PlatformLaunch launch;
    private static final Map<String, String> studentTokens = new LinkedHashMap<>();
    private static String adminToken;
    private static final List<Integer> instancePorts = new ArrayList<>();
    private static final Map<Integer, PlatformProcess> instances = new LinkedHashMap<>();

    /** Outcome of one request of the load. */
    private record Outcome(
            boolean write,
            String student,
            String writeId,
            int status,
            boolean queued,
            Instant sentAt) {}

    @BeforeAll
    static void startPlatform() throws Exception {
        Path projectDir = Path.of(System.getProperty("scribe.project-dir", "..")).normalize();
        Path runDir =
                PlatformRunner.freshRunDir(
                        Path.of(System.getProperty("scribe.e2e-run-dir", "target/e2e-run"))
                                .resolveSibling("chaos-run"));
        runner = new PlatformRunner(projectDir.toAbsolutePath(), runDir.toAbsolutePath());

        // The same keys, demo password and client secrets that ./scribe up creates.
        int keysStatus =
                new KeysCommand(new PrintStream(OutputStream.nullOutputStream()))
                        .run(List.of("--dir", runner.keysDir().toString()));
        assertThat(keysStatus).isZero();

        int registryPort = PlatformRunner.freePort();
        int identityPort = PlatformRunner.freePort();
        launch = new PlatformLaunch(runner, registryPort, identityPort);
        PlatformProcess registry =
                runner.start(
                        "registry",
                        "registry",
                        registryPort,
                        launch.registryArguments(registryPort));
        PlatformLaunch.awaitReady(http, registry, registryPort);
        PlatformProcess identity =
                runner.start(
                        "identity",
                        "identity",
                        identityPort,
                        launch.identityArguments(identityPort));

        for (int i = 0; i < 2; i++) {
            int port = PlatformRunner.freePort();
            instancePorts.add(port);
            instances.put(port, startInstance(port, 1));
        }
        int gatewayPort = PlatformRunner.freePort();
        gatewayManagementPort = PlatformRunner.freePort();
        gateway =
                runner.start(
                        "gateway",
                        "gateway",
                        gatewayPort,
                        launch.gatewayArguments(gatewayPort, gatewayManagementPort));

        PlatformLaunch.awaitReady(http, identity, identityPort);
        for (String student : STUDENTS) {
            studentTokens.put(student, launch.tokenFor(http, student));
        }
        adminToken = launch.tokenFor(http, "admin-demo");
        for (PlatformProcess instance : instances.values()) {
            PlatformLaunch.awaitReady(http, instance, instance.port());
        }
        PlatformLaunch.awaitReady(http, gateway, gatewayManagementPort);
        await("gateway routing to writing-analysis")
                .atMost(START_TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .until(() -> read().status() == 200);
    }

    @AfterAll
    static void stopPlatform() throws InterruptedException {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void acknowledgedWritesSurviveInstanceFailures() throws Exception {
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Set<String> circuitStates = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
        AtomicInteger sequence = new AtomicInteger();
        pacer.scheduleAtFixedRate(
                () -> senders.submit(() -> sendOne(sequence.getAndIncrement(), outcomes)),
                0,
                LOAD_PERIOD_MS,
                TimeUnit.MILLISECONDS);
        pacer.scheduleAtFixedRate(
                () -> circuitStates.add(circuitState()), 0, 500, TimeUnit.MILLISECONDS);

        int first = instancePorts.get(0);
        int second = instancePorts.get(1);
        try {
            // Phase 1: SIGKILL one instance, then restart it.
            pause(Duration.ofSeconds(2));
            kill(first);
            System.out.println("ChaosIT: SIGKILL of port " + first + " at " + Instant.now());
            pause(Duration.ofSeconds(3));
            instances.put(first, startInstance(first, 2));
            PlatformLaunch.awaitReady(http, instances.get(first), first);

            // Phase 2: stop the other instance gracefully.
            assertThat(runner.stopGracefully(instances.get(second)))
                    .as("graceful stop of the second instance")
                    .isTrue();
            pause(Duration.ofSeconds(2));

            // Phase 3: no instance at all for a while, then both come back. They start one
            // after the other: two instances that open the shared embedded H2 file at the same
            // moment can fail with "Database may be already in use".
            kill(first);
            System.out.println("ChaosIT: all instances down at " + Instant.now());
            pause(ALL_DOWN);
            instances.put(first, startInstance(first, 3));
            PlatformLaunch.awaitReady(http, instances.get(first), first);
            Instant back = Instant.now();
            // Reads and the backlog are watched from the moment the first instance is back, so the
            // second instance's start is not part of the recovery time.
            CompletableFuture<Duration> readsRecovered =
                    CompletableFuture.supplyAsync(() -> awaitReadRecovery(back));
            CompletableFuture<Duration> backlogCleared =
                    CompletableFuture.supplyAsync(() -> awaitQueueDrained(back));
            instances.put(second, startInstance(second, 3));
            PlatformLaunch.awaitReady(http, instances.get(second), second);

            Duration readRecovery = readsRecovered.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            pause(Duration.ofSeconds(3));
            pacer.shutdownNow();
            senders.shutdown();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            Duration queueRecovery =
                    backlogCleared.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // Writes queued behind the backlog during the load must be delivered too before the
            // reconciliation below.
            awaitQueueDrained(back);

            assertThat(readRecovery)
                    .as("time until reads succeed again")
                    .isLessThan(RECOVERY_LIMIT);
            assertThat(queueRecovery)
                    .as("time until the queued backlog was delivered")
                    .isLessThan(RECOVERY_LIMIT);
        } finally {
            pacer.shutdownNow();
            senders.shutdownNow();
        }

        List<Outcome> all = List.copyOf(outcomes);
        List<Outcome> writes = all.stream().filter(Outcome::write).toList();
        List<Outcome> acknowledged =
                writes.stream().filter(outcome -> outcome.status() / 100 == 2).toList();
        long queued = writes.stream().filter(Outcome::queued).count();
        long readServerErrors =
                all.stream().filter(outcome -> !outcome.write() && outcome.status() >= 500).count();
        long writeLossCandidates = writes.stream().filter(outcome -> outcome.status() < 0).count();
        Map<Integer, Long> writeStatuses = new java.util.TreeMap<>();
        writes.forEach(write -> writeStatuses.merge(write.status(), 1L, Long::sum));
        System.out.printf(
                "ChaosIT: %d requests, %d writes (%d acknowledged, %d queued, statuses %s), %d read"
                        + " 5xx, %d transport failures%n",
                all.size(),
                writes.size(),
                acknowledged.size(),
                queued,
                writeStatuses,
                readServerErrors,
                writeLossCandidates);

        assertThat(queued).as("writes queued while no instance ran").isPositive();
        List<String> lost = new ArrayList<>();
        for (Outcome write : acknowledged) {
            int sessions = sessionCount(write.student(), write.writeId());
            if (sessions != 1) {
                lost.add(
                        write.writeId()
                                + " (HTTP "
                                + write.status()
                                + (write.queued() ? ", queued" : "")
                                + ", sent "
                                + write.sentAt()
                                + ", stored "
                                + sessions
                                + " times)");
            }
        }
        assertThat(lost).as("acknowledged writes not stored exactly once").isEmpty();

        assertThat(readServerErrors).as("reads answered with 5xx").isZero();
        assertThat(circuitStates).as("states of the read operation's circuit").contains("OPEN");
        assertThat(circuitState()).as("final circuit state").isEqualTo("CLOSED");
    }

    /** Sends request number {@code index}: even numbers read, odd numbers write progress. */
    private static void sendOne(int index, Queue<Outcome> outcomes) {
        String student = STUDENTS.get((index / 2) % STUDENTS.size());
        Instant sentAt = Instant.now();
        if (index % 2 == 0) {
            try {
                outcomes.add(new Outcome(false, student, null, read().status(), false, sentAt));
            } catch (IOException e) {
                outcomes.add(new Outcome(false, student, null, -1, false, sentAt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }

        String writeId = "chaos-" + UUID.randomUUID();
        String body =
                "{\"userId\":\""
                        + student
                        + "\",\"sessionId\":\""
                        + writeId
                        + "\",\"assignmentId\":\""
                        + writeId
                        + "\",\"metrics\":{\"wordCount\":120,\"timeSpent\":300,\"revisions\":1},"
                        + "\"purpose\":\"student_progress_tracking\"}";
        try {
            Reply reply =
                    http.post(
                            gatewayUri(API + "/progress"),
                            Map.of(
                                    "Content-Type",
                                    "application/json",
                                    "Authorization",
                                    "Bearer " + studentTokens.get(student),
                                    "Idempotency-Key",
                                    writeId),
                            body);
            outcomes.add(
                    new Outcome(
                            true,
                            student,
                            writeId,
                            reply.status(),
                            "true".equals(reply.header("X-Queued")),
                            sentAt));
        } catch (IOException e) {
            outcomes.add(new Outcome(true, student, writeId, -1, false, sentAt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Reply read() throws IOException, InterruptedException {
        return http.post(
                gatewayUri(API + "/sensitivity"),
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Authorization",
                        "Bearer " + studentTokens.get(STUDENTS.get(0))),
                "{\"content\":\"A short paragraph about the water cycle.\"}");
    }

    private static Duration awaitReadRecovery(Instant back) {
        // A degraded tier answers 200 all along; recovery means the service answers again.
        await("reads through the gateway answered by the service again")
                .atMost(START_TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .until(
                        () -> {
                            Reply reply = read();
                            return reply.status() == 200
                                    && "remote".equals(reply.header("X-Service-Tier"));
                        });
        return Duration.between(back, Instant.now());
    }

    /** Waits until the queue has no PENDING or REPLAYING entry, from the admin view. */
    private static Duration awaitQueueDrained(Instant back) {
        await("queue drained")
                .atMost(START_TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .until(() -> activeQueueEntries() == 0);
        return Duration.between(back, Instant.now());
    }

    private static int activeQueueEntries() throws IOException, InterruptedException {
        int active = 0;
        for (String status : List.of("PENDING", "REPLAYING")) {
            Reply reply =
                    http.get(
                            URI.create(
                                    "http://127.0.0.1:"
                                            + gatewayManagementPort
                                            + "/admin/queue?limit=1000&status="
                                            + status),
                            Map.of("Authorization", "Bearer " + adminToken));
            assertThat(reply.status())
                    .as("GET /admin/queue: %s", reply.response().body())
                    .isEqualTo(200);
            active += reply.json().path("data").path("items").size();
        }
        return active;
    }

    /** Returns the number of writing sessions stored for the assignment id of one write. */
    private static int sessionCount(String student, String writeId)
            throws IOException, InterruptedException {
        Reply reply =
                http.get(
                        gatewayUri(API + "/progress/" + student + "?assignmentId=" + writeId),
                        Map.of("Authorization", "Bearer " + studentTokens.get(student)));
        assertThat(reply.status()).as("progress read: %s", reply.response().body()).isEqualTo(200);
        return reply.json().path("data").path("sessionCount").asInt(-1);
    }

    /** Returns the state of the writing-analysis circuit from the gateway's admin view. */
    private static String circuitState() {
        try {
            Reply reply =
                    http.get(
                            URI.create(
                                    "http://127.0.0.1:"
                                            + gatewayManagementPort
                                            + "/admin/circuits"),
                            Map.of("Authorization", "Bearer " + adminToken));
            return findCircuitState(reply.json());
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "INTERRUPTED";
        }
    }

    private static String findCircuitState(JsonNode node) {
        if (node.isObject() && READ_CIRCUIT.equals(node.path("name").asString(""))) {
            return node.path("state").asString("UNKNOWN");
        }
        for (JsonNode child : node) {
            String state = findCircuitState(child);
            if (!state.equals("MISSING")) {
                return state;
            }
        }
        return "MISSING";
    }

    private static PlatformProcess startInstance(int port, int generation) {
        return runner.start(
                SERVICE + "-" + port + "-" + generation,
                SERVICE,
                port,
                launch.serviceArguments(port));
    }

    /** Sends SIGKILL, as {@code kill -9} does, and waits for the exit. */
    private static void kill(int port) throws InterruptedException {
        Process process = instances.get(port).process();
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("killed instance exited").isTrue();
    }

    /** Lets the load run for a fixed time: the chaos schedule, not a wait for a condition. */
    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private static URI gatewayUri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }
}
