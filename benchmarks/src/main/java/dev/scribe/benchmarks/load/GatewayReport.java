package dev.scribe.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway benchmark page from the JSON results of the load runs. The page lists the
 * machine and the commands, latency and errors per rate and path, the latency the gateway adds over
 * a direct call at the same rate, the maximum throughput, and a comparison with the targets.
 */
public final class GatewayReport {

    /** Target: p95 through the gateway at 200 requests per second stays under this. */
    static final double TARGET_GATEWAY_P95_MS = 20.0;

    /** Target: the gateway adds less than this to the median latency. */
    static final double TARGET_ADDED_P50_MS = 1.0;

    static final int TARGET_RATE = 200;

    private GatewayReport() {}

    /**
     * Usage: {@code GatewayReport RESULTS_DIR MACHINE_FILE COMMANDS_FILE OUTPUT_FILE}. The machine
     * and commands files are plain text that the page quotes as they are.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println(
                    "Usage: GatewayReport RESULTS_DIR MACHINE_FILE COMMANDS_FILE OUTPUT_FILE");
            System.exit(2);
        }
        List<RunResult> results = readResults(Path.of(args[0]));
        String machine = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        String commands = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);

        Path output = Path.of(args[3]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, render(results, machine, commands), StandardCharsets.UTF_8);
        System.out.println("wrote " + output);
    }

    static List<RunResult> readResults(Path dir) {
        JsonMapper mapper = JsonMapper.builder().build();
        List<RunResult> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                results.add(mapper.readValue(file.toFile(), RunResult.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read results in " + dir, e);
        }
        return results;
    }

    /** Renders the page as Markdown. */
    static String render(List<RunResult> results, String machine, String commands) {
        List<RunResult> open =
                results.stream()
                        .filter(r -> r.mode().equals("open"))
                        .sorted(
                                Comparator.comparingInt(RunResult::targetRate)
                                        .thenComparing(
                                                RunResult::target, Comparator.reverseOrder()))
                        .toList();
        List<RunResult> closed =
                results.stream()
                        .filter(r -> r.mode().equals("closed"))
                        .sorted(Comparator.comparing(RunResult::target).reversed())
                        .toList();
        StringBuilder page = new StringBuilder();

        page.append("# Gateway benchmark\n\n");
        page.append(
                """
                Latency and throughput of `POST /api/writing-analysis/*` through the gateway and \
                straight to one writing-analysis instance, measured by \
                `benchmarks/run-gateway-bench.sh`. The registry, the gateway, one \
                writing-analysis instance (all started by `./scribe up`, embedded profile) and \
                the load generator share the machine below, so they compete for its cores: read \
                the numbers as the behaviour on this machine, not as production capacity. Other \
                work may have run on the machine at the same time; its load average before and \
                after the runs is listed with the machine.

                """);
        page.append("## Machine\n\n```text\n").append(machine.strip()).append("\n```\n\n");
        appendMethod(page);
        page.append("## Commands\n\n```bash\n").append(commands.strip()).append("\n```\n\n");

        appendFixedRates(page, open);
        appendAddedLatency(page, open);
        appendMaximum(page, closed);
        appendTargets(page, open);
        appendPerOperation(page, open);
        return page.toString();
    }

    private static void appendMethod(StringBuilder page) {
        page.append("## Method\n\n");
        page.append(
                """
                - Request mix: 50 % patterns (`/patterns`), 30 % sensitivity (`/sensitivity`), \
                20 % reflection quality (`/reflections/evaluate`), chosen by a seeded generator. \
                Patterns and sensitivity bodies are the 300 shared ASAP-AES essays, reflection \
                bodies the 500 shared reflections, all for the demo user `student-demo`.
                - Before the first run, unrecorded closed-loop traffic through the gateway and \
                straight to the instance gives the JIT time to compile the hot paths (the \
                `prewarm` commands below).
                - Fixed-rate runs are open-loop: requests are sent on a schedule with \
                `java.net.http.HttpClient.sendAsync`, whatever the server's speed. Each latency \
                is measured from the request's intended send time, so a stalled server shows up \
                as latency instead of a lower send rate (no coordinated omission). Each \
                run has a warm-up that is not recorded, then the measured window. Latencies of \
                successful (2xx) requests go into an HdrHistogram; failures are counted by kind.
                - Gateway runs send a dev user token; direct runs send the same requests to the \
                instance with a user assertion signed by the gateway key from the run directory. \
                The difference of the two at the same rate is the latency the gateway adds.
                - The maximum-throughput probe is closed-loop: a fixed number of requests in \
                flight, each sent as soon as the previous one completes; its latency is measured \
                from the actual send.

                """);
    }

    private static void appendFixedRates(StringBuilder page, List<RunResult> open) {
        page.append("## Fixed rates\n\n");
        page.append(
                "| Rate (rps) | Path | Sent | OK | Errors | Achieved (rps) | p50 ms | p95 ms |"
                        + " p99 ms | max ms |\n");
        page.append("|---:|---|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (RunResult r : open) {
            LatencySummary l = r.overall();
            page.append(
                    String.format(
                            Locale.ROOT,
                            "| %d | %s | %d | %d | %s | %.1f | %.2f | %.2f | %.2f | %.2f |\n",
                            r.targetRate(),
                            r.target(),
                            r.sent(),
                            r.succeeded(),
                            formatErrors(r),
                            r.achievedRate(),
                            l.p50Ms(),
                            l.p95Ms(),
                            l.p99Ms(),
                            l.maxMs()));
        }
        page.append('\n');
    }

    private static void appendAddedLatency(StringBuilder page, List<RunResult> open) {
        page.append("## Latency added by the gateway\n\n");
        page.append("Gateway minus direct, at the same rate (ms).\n\n");
        page.append(
                "| Rate (rps) | p50 gateway | p50 direct | added p50 | p95 gateway | p95 direct |"
                        + " added p95 |\n");
        page.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int rate : rates(open)) {
            Optional<RunResult> gateway = find(open, "gateway", rate);
            Optional<RunResult> direct = find(open, "direct", rate);
            if (gateway.isEmpty() || direct.isEmpty()) {
                continue;
            }
            LatencySummary g = gateway.get().overall();
            LatencySummary d = direct.get().overall();
            if (g.count() == 0 || d.count() == 0) {
                page.append(
                        String.format(
                                Locale.ROOT,
                                "| %d | - | - | no successful %s requests | - | - | - |\n",
                                rate,
                                g.count() == 0 ? "gateway" : "direct"));
                continue;
            }
            page.append(
                    String.format(
                            Locale.ROOT,
                            "| %d | %.2f | %.2f | %+.2f | %.2f | %.2f | %+.2f |\n",
                            rate,
                            g.p50Ms(),
                            d.p50Ms(),
                            g.p50Ms() - d.p50Ms(),
                            g.p95Ms(),
                            d.p95Ms(),
                            g.p95Ms() - d.p95Ms()));
        }
        page.append('\n');
    }

    private static void appendMaximum(StringBuilder page, List<RunResult> closed) {
        page.append("## Maximum throughput\n\n");
        if (closed.isEmpty()) {
            page.append("No closed-loop run was recorded.\n\n");
            return;
        }
        page.append(
                "| Path | In flight | Duration (s) | OK | Errors | Throughput (rps) | p50 ms |"
                        + " p95 ms | p99 ms |\n");
        page.append("|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (RunResult r : closed) {
            LatencySummary l = r.overall();
            page.append(
                    String.format(
                            Locale.ROOT,
                            "| %s | %d | %d | %d | %s | %.1f | %.2f | %.2f | %.2f |\n",
                            r.target(),
                            r.concurrency(),
                            r.durationSeconds(),
                            r.succeeded(),
                            formatErrors(r),
                            r.achievedRate(),
                            l.p50Ms(),
                            l.p95Ms(),
                            l.p99Ms()));
        }
        page.append('\n');
    }

    private static void appendTargets(StringBuilder page, List<RunResult> open) {
        page.append("## Against the targets\n\n");
        Optional<RunResult> gatewayAtTarget = find(open, "gateway", TARGET_RATE);
        if (gatewayAtTarget.isPresent() && gatewayAtTarget.get().succeeded() == 0) {
            page.append(
                    "- p95 through the gateway at "
                            + TARGET_RATE
                            + " rps: no successful request, so the target is not met.\n");
        } else if (gatewayAtTarget.isPresent()) {
            double p95 = gatewayAtTarget.get().overall().p95Ms();
            page.append(
                    String.format(
                            Locale.ROOT,
                            "- p95 through the gateway at %d rps: %.2f ms (target under %.0f ms):"
                                    + " %s.\n",
                            TARGET_RATE,
                            p95,
                            TARGET_GATEWAY_P95_MS,
                            p95 < TARGET_GATEWAY_P95_MS ? "met" : "not met"));
        } else {
            page.append(
                    "- p95 through the gateway at " + TARGET_RATE + " rps: no run at that rate.\n");
        }
        for (int rate : rates(open)) {
            Optional<RunResult> gateway = find(open, "gateway", rate);
            Optional<RunResult> direct = find(open, "direct", rate);
            if (gateway.isEmpty() || direct.isEmpty()) {
                continue;
            }
            if (gateway.get().succeeded() == 0 || direct.get().succeeded() == 0) {
                page.append(
                        String.format(
                                Locale.ROOT,
                                "- Added p50 at %d rps: not measured, because no %s request"
                                        + " succeeded.\n",
                                rate,
                                gateway.get().succeeded() == 0 ? "gateway" : "direct"));
                continue;
            }
            double added = gateway.get().overall().p50Ms() - direct.get().overall().p50Ms();
            page.append(
                    String.format(
                            Locale.ROOT,
                            "- Added p50 at %d rps: %+.2f ms (target under %.0f ms): %s.\n",
                            rate,
                            added,
                            TARGET_ADDED_P50_MS,
                            added < TARGET_ADDED_P50_MS ? "met" : "not met"));
        }
        page.append('\n');
    }

    private static void appendPerOperation(StringBuilder page, List<RunResult> open) {
        page.append("## Per operation\n\n");
        page.append("p50 / p95 in ms of successful requests.\n\n");
        page.append("| Rate (rps) | Path | patterns | sensitivity | reflection |\n");
        page.append("|---:|---|---:|---:|---:|\n");
        for (RunResult r : open) {
            page.append(String.format(Locale.ROOT, "| %d | %s |", r.targetRate(), r.target()));
            for (Operation operation : Operation.values()) {
                LatencySummary l = r.byOperation().get(operation.label());
                page.append(
                        l == null
                                ? " - |"
                                : String.format(
                                        Locale.ROOT, " %.2f / %.2f |", l.p50Ms(), l.p95Ms()));
            }
            page.append('\n');
        }
        page.append('\n');
    }

    private static String formatErrors(RunResult result) {
        if (result.errors().isEmpty()) {
            return "0";
        }
        StringBuilder text = new StringBuilder().append(result.errorCount()).append(" (");
        boolean first = true;
        for (Map.Entry<String, Long> entry : result.errors().entrySet()) {
            text.append(first ? "" : ", ")
                    .append(entry.getKey())
                    .append(' ')
                    .append(entry.getValue());
            first = false;
        }
        return text.append(')').toString();
    }

    private static TreeSet<Integer> rates(List<RunResult> open) {
        TreeSet<Integer> rates = new TreeSet<>();
        open.forEach(r -> rates.add(r.targetRate()));
        return rates;
    }

    private static Optional<RunResult> find(List<RunResult> open, String target, int rate) {
        return open.stream()
                .filter(r -> r.target().equals(target) && r.targetRate() == rate)
                .findFirst();
    }
}
