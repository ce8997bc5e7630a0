package dev.scribe.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Command-line entry of the load generator: sends the writing-analysis request mix to a loopback
 * base URL, prints a summary and writes the {@link RunResult} as JSON. Credentials come from the
 * environment so that they do not show in the process list: {@code SCRIBE_TOKEN} (sent as a bearer
 * token, for the gateway) or {@code SCRIBE_SERVICE_TOKEN} and {@code SCRIBE_ASSERTION} (the
 * gateway's service token as a bearer token and a user assertion, for a service instance).
 */
public final class LoadGenerator {

    static final String USAGE =
            """
            Usage: LoadGenerator --base-url URL --target gateway|direct --essays FILE
                                 --reflections FILE --output FILE [options]

              --base-url URL          loopback URL of the gateway or of a writing-analysis instance
              --target T              gateway: send SCRIBE_TOKEN as a bearer token;
                                      direct: send SCRIBE_SERVICE_TOKEN as a bearer token
                                      and SCRIBE_ASSERTION as X-User-Assertion
              --essays FILE           JSONL with a "text" field (patterns and sensitivity bodies)
              --reflections FILE      JSONL with a "text" field (reflection bodies)
              --output FILE           where to write the result as JSON
              --mode open|closed      fixed rate (default) or fixed concurrency
              --rate N                requests per second of an open run (1-5000, default 100)
              --concurrency N         requests in flight of a closed run (1-256, default 16)
              --warmup-seconds N      unmeasured warm-up (0-120, default 10)
              --duration-seconds N    measured window (1-300, default 30)
              --mix SPEC              weights, default patterns=50,sensitivity=30,reflection=20
              --user-id ID            userId in the bodies, the token's subject (default student-demo)
              --timeout-ms N          time limit per request (100-60000, default 5000)
              --max-in-flight N       pending requests above which sends are skipped (default 1000)
              --seed N                seed of the operation sequence (default 1)
              --label NAME            run name in the result (default <target>-<rate or max>)
            """;

    private static final Set<String> LOOPBACK_HOSTS =
            Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = parseOptions(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGenerator: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }

        try {
            RunResult result = run(options, System.getenv());
            System.out.println(formatSummary(result));
        } catch (IllegalArgumentException e) {
            System.err.println("LoadGenerator: " + e.getMessage());
            System.exit(2);
        }
    }

    static RunResult run(Map<String, String> options, Map<String, String> environment)
            throws InterruptedException {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        URI baseUri = loopbackUri(required(options, "base-url"));
        String target = required(options, "target");
        String mode = options.getOrDefault("mode", "open");
        if (!mode.equals("open") && !mode.equals("closed")) {
            throw new IllegalArgumentException("--mode must be open or closed, got '" + mode + "'");
        }
        int rate = intOption(options, "rate", 100, 1, 5000);
        int concurrency = intOption(options, "concurrency", 16, 1, 256);
        int warmup = intOption(options, "warmup-seconds", 10, 0, 120);
        int duration = intOption(options, "duration-seconds", 30, 1, 300);
        int timeoutMs = intOption(options, "timeout-ms", 5000, 100, 60_000);
        int maxInFlight = intOption(options, "max-in-flight", 1000, 1, 100_000);
        long seed = intOption(options, "seed", 1, 0, Integer.MAX_VALUE);
        Map<String, String> auth = authHeaders(target, environment);

        RequestCatalog catalog =
                RequestCatalog.fromFiles(
                        Path.of(required(options, "essays")),
                        Path.of(required(options, "reflections")),
                        options.getOrDefault("user-id", "student-demo"),
                        mapper);
        RequestMix mix =
                RequestMix.parse(
                        options.getOrDefault("mix", "patterns=50,sensitivity=30,reflection=20"),
                        seed);
        LoadSettings settings =
                new LoadSettings(
                        baseUri,
                        auth,
                        rate,
                        concurrency,
                        Duration.ofSeconds(warmup),
                        Duration.ofSeconds(duration),
                        Duration.ofMillis(timeoutMs),
                        maxInFlight);

        HttpClient client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(2))
                        .build();
        LoadRunner runner = new LoadRunner(client, catalog, mix, settings);
        boolean open = mode.equals("open");
        LoadRecorder recorder = open ? runner.runOpenLoop() : runner.runClosedLoop();

        String label =
                options.getOrDefault("label", target + "-" + (open ? String.valueOf(rate) : "max"));
        RunResult result =
                new RunResult(
                        label,
                        target,
                        mode,
                        open ? rate : 0,
                        open ? 0 : concurrency,
                        duration,
                        recorder.sent(),
                        recorder.succeeded(),
                        recorder.errors(),
                        recorder.succeeded() / (double) duration,
                        recorder.overall(),
                        recorder.byOperation());
        writeResult(mapper, Path.of(required(options, "output")), result);
        return result;
    }

    static String formatSummary(RunResult result) {
        LatencySummary overall = result.overall();
        return String.format(
                Locale.ROOT,
                "%s: sent %d, ok %d, errors %d %s, %.1f rps; ms p50 %.2f p95 %.2f p99 %.2f max %.2f",
                result.label(),
                result.sent(),
                result.succeeded(),
                result.errorCount(),
                result.errors(),
                result.achievedRate(),
                overall.p50Ms(),
                overall.p95Ms(),
                overall.p99Ms(),
                overall.maxMs());
    }

    /** Parses {@code --name value} pairs; {@code --help} is the only option without a value. */
    static Map<String, String> parseOptions(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            if (name.equals("help")) {
                options.put(name, "");
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("Option --" + name + " requires a value");
            }
            if (options.put(name, args.get(++i)) != null) {
                throw new IllegalArgumentException("Option --" + name + " is given more than once");
            }
        }
        return options;
    }

    /**
     * Parses the base URL and rejects any host but the loopback address, because the generator is
     * meant for servers started on this machine only.
     */
    static URI loopbackUri(String value) {
        URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if (!"http".equals(uri.getScheme()) || !LOOPBACK_HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException(
                    "--base-url must be an http URL on 127.0.0.1, localhost or [::1], got '"
                            + value
                            + "'");
        }
        return uri;
    }

    private static Map<String, String> authHeaders(String target, Map<String, String> environment) {
        switch (target) {
            case "gateway" -> {
                String token = requiredVariable(environment, "SCRIBE_TOKEN");
                return Map.of("Authorization", "Bearer " + token);
            }
            case "direct" -> {
                // An instance accepts what the gateway sends: its service token and an assertion.
                String serviceToken = requiredVariable(environment, "SCRIBE_SERVICE_TOKEN");
                String assertion = requiredVariable(environment, "SCRIBE_ASSERTION");
                return Map.of(
                        "Authorization", "Bearer " + serviceToken, "X-User-Assertion", assertion);
            }
            default ->
                    throw new IllegalArgumentException(
                            "--target must be gateway or direct, got '" + target + "'");
        }
    }

    private static String requiredVariable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The environment variable " + name + " is not set");
        }
        return value.strip();
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Option --" + name + " is required");
        }
        return value;
    }

    static int intOption(Map<String, String> options, String name, int fallback, int min, int max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(
                        "--"
                                + name
                                + " must be between "
                                + min
                                + " and "
                                + max
                                + ", got "
                                + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + name + " must be a whole number, got '" + value + "'", e);
        }
    }

    private static void writeResult(JsonMapper mapper, Path output, RunResult result) {
        try {
            Path parent = output.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(output, mapper.writeValueAsString(result));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + output, e);
        }
    }
}
