package dev.scribe.cli.analyze;

import com.nimbusds.jwt.SignedJWT;
import dev.scribe.cli.CommandLine;
import dev.scribe.cli.UsageException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code analyze --gateway URL --token T FILE...}: sends each text through the gateway to the
 * writing-patterns and sensitivity operations, and reflections also to reflection quality; prints
 * one report line per text, progress lines on stderr, and a summary. Exits with 1 when any request
 * failed.
 */
public final class AnalyzeCommand {

    /** Environment variable read when {@code --token} is absent, to keep the token out of ps. */
    public static final String TOKEN_VARIABLE = "SCRIBE_TOKEN";

    /** A progress line goes to stderr after every this many texts. */
    static final int PROGRESS_EVERY = 10;

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_TIMEOUT_SECONDS = 30;

    public static final String USAGE =
            """
            Usage: scribe-cli analyze --gateway URL [--token TOKEN] [--reflections]
                                      [--timeout-seconds N] FILE...

            Sends each text through the gateway to POST /api/writing-analysis/patterns
            (purpose writing_improvement, userId = the token's subject) and
            /api/writing-analysis/sensitivity; reflections also go to
            /api/writing-analysis/reflections/evaluate (purpose reflection_assessment).
            Prints one line per text (id, words, sentences, readability, sentiment,
            sensitivity level, element types; never the text), progress on stderr every
            10 texts, and a summary. Exit status: 0 all requests succeeded, 1 a request
            failed, 2 invalid arguments or input.

            FILE is a plain UTF-8 text, or a .jsonl file with one JSON object per line
            holding a string field "text" and an optional "id". Texts of a file whose name
            contains "reflection" count as reflections.

            Options:
              --gateway URL           base URL of the gateway, e.g. http://127.0.0.1:8080
              --token TOKEN           bearer token; default: the SCRIBE_TOKEN variable
              --reflections           treat every text as a reflection
              --timeout-seconds N     time limit per request in seconds (default 30)
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final JsonMapper mapper;

    public AnalyzeCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.mapper = JsonMapper.builder().build();
    }

    public int run(List<String> args) throws InterruptedException {
        CommandLine line =
                CommandLine.parse(
                        "analyze",
                        args,
                        Set.of("gateway", "token", "timeout-seconds"),
                        Set.of("reflections"));
        if (line.has("help")) {
            out.print(USAGE);
            return 0;
        }
        URI gateway = parseGatewayUrl(line.required("gateway"));
        String token = line.value("token").orElse(environment.get(TOKEN_VARIABLE));
        if (token == null || token.isBlank()) {
            throw new UsageException("A token is required: pass --token or set " + TOKEN_VARIABLE);
        }
        String subject = subjectOf(token);
        Duration timeout = Duration.ofSeconds(parseTimeout(line));
        if (line.positionals().isEmpty()) {
            throw new UsageException("'analyze' needs at least one FILE; see --help");
        }

        List<AnalysisInput> inputs = readInputs(line.positionals(), line.has("reflections"));
        HttpClient http = GatewayClient.newHttpClient(CONNECT_TIMEOUT);
        GatewayClient client = new GatewayClient(gateway, token, http, timeout, mapper);
        BatchSummary summary = analyzeAll(inputs, client, subject);

        ReportFormatter.formatSummary(summary).forEach(out::println);
        return summary.failedRequests() == 0 ? 0 : 1;
    }

    /** Analyses the inputs one after another, printing a line per text as it completes. */
    BatchSummary analyzeAll(List<AnalysisInput> inputs, GatewayClient client, String subject)
            throws InterruptedException {
        BatchSummary summary = new BatchSummary();
        for (AnalysisInput input : inputs) {
            List<ApiResult> results = new ArrayList<>();
            ApiResult patterns = client.post(Operation.PATTERNS, patternsBody(input, subject));
            results.add(patterns);
            ApiResult sensitivity = client.post(Operation.SENSITIVITY, sensitivityBody(input));
            results.add(sensitivity);
            ApiResult reflection = null;
            if (input.reflection()) {
                reflection = client.post(Operation.REFLECTION, reflectionBody(input, subject));
                results.add(reflection);
            }

            TextReport report = TextReport.from(input.id(), patterns, sensitivity, reflection);
            summary.add(report, results);
            out.println(ReportFormatter.formatText(report));

            if (summary.texts() % PROGRESS_EVERY == 0 && summary.texts() < inputs.size()) {
                err.println(
                        ReportFormatter.formatProgress(
                                summary.texts(), inputs.size(), summary.textsWithFailures()));
            }
        }
        return summary;
    }

    ObjectNode patternsBody(AnalysisInput input, String subject) {
        ObjectNode body = mapper.createObjectNode();
        body.put("content", input.text());
        body.put("userId", subject);
        body.put("purpose", "writing_improvement");
        return body;
    }

    ObjectNode sensitivityBody(AnalysisInput input) {
        ObjectNode body = mapper.createObjectNode();
        body.put("content", input.text());
        body.putObject("context").put("contentType", input.reflection() ? "reflection" : "essay");
        return body;
    }

    ObjectNode reflectionBody(AnalysisInput input, String subject) {
        ObjectNode body = mapper.createObjectNode();
        body.put("reflection", input.text());
        body.put("userId", subject);
        body.put("purpose", "reflection_assessment");
        return body;
    }

    private List<AnalysisInput> readInputs(List<String> files, boolean reflections) {
        InputReader reader = new InputReader(mapper);
        List<AnalysisInput> inputs = new ArrayList<>();
        for (String file : files) {
            inputs.addAll(reader.read(Path.of(file), reflections));
        }
        if (inputs.isEmpty()) {
            throw new UsageException("The input files contain no texts");
        }
        return inputs;
    }

    /**
     * Returns the {@code sub} claim of a JWT without verifying it: the gateway verifies the token,
     * and the subject only fills the {@code userId} field that the service checks against it.
     */
    static String subjectOf(String token) {
        try {
            String subject = SignedJWT.parse(token.strip()).getJWTClaimsSet().getSubject();
            if (subject == null || subject.isBlank()) {
                throw new UsageException("The token has no subject (sub claim)");
            }
            return subject;
        } catch (ParseException e) {
            throw new UsageException("The token is not a signed JWT: " + e.getMessage(), e);
        }
    }

    static URI parseGatewayUrl(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            boolean httpScheme = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!httpScheme || uri.getHost() == null) {
                throw new UsageException(
                        "--gateway must be an http or https URL with a host, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--gateway is not a valid URL: " + e.getMessage(), e);
        }
    }

    private static int parseTimeout(CommandLine line) {
        String value =
                line.value("timeout-seconds").orElse(String.valueOf(DEFAULT_TIMEOUT_SECONDS));
        try {
            int seconds = Integer.parseInt(value);
            if (seconds < 1 || seconds > 600) {
                throw new UsageException(
                        "--timeout-seconds must be between 1 and 600, got " + seconds);
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new UsageException(
                    "--timeout-seconds must be a whole number, got '" + value + "'");
        }
    }
}
