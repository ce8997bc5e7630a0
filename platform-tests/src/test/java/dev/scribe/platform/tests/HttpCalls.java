package dev.scribe.platform.tests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP calls of the end-to-end tests, all to loopback addresses, each with a time limit. */
final class HttpCalls {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern REQUEST_COUNT =
            Pattern.compile("^http_server_requests_seconds_count\\{(.*)} ([0-9.eE+-]+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final HttpClient client =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();

    /** A response with its body parsed as JSON (a missing node when it is not JSON). */
    record Reply(int status, HttpResponse<String> response, JsonNode json) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** Posts a JSON body with the given headers; throws on a transport failure. */
    Reply post(URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri)
                        .timeout(REQUEST_TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        return toReply(
                client.send(
                        builder.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    Reply get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET();
        headers.forEach(builder::header);
        return toReply(
                client.send(
                        builder.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    /** Returns the status of a GET, or -1 when the connection fails. */
    int statusOf(URI uri) throws InterruptedException {
        try {
            return get(uri, Map.of()).status();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Returns the number of POST requests an instance has served under a path prefix, summed over
     * the {@code http_server_requests_seconds_count} series of its Prometheus endpoint, optionally
     * only those with one HTTP status.
     */
    long postCount(int port, String uriPrefix, String status)
            throws IOException, InterruptedException {
        Reply reply =
                get(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"), Map.of());
        if (reply.status() != 200) {
            throw new IllegalStateException(
                    "GET /actuator/prometheus on port " + port + " returned " + reply.status());
        }

        long total = 0;
        for (String line : reply.response().body().split("\n")) {
            Matcher matcher = REQUEST_COUNT.matcher(line.strip());
            if (!matcher.matches()) {
                continue;
            }
            Map<String, String> labels = labels(matcher.group(1));
            boolean matchesStatus = status == null || status.equals(labels.get("status"));
            if ("POST".equals(labels.get("method"))
                    && labels.getOrDefault("uri", "").startsWith(uriPrefix)
                    && matchesStatus) {
                total += (long) Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher matcher = LABEL.matcher(text);
        while (matcher.find()) {
            labels.put(matcher.group(1), matcher.group(2));
        }
        return labels;
    }

    private static Reply toReply(HttpResponse<String> response) {
        JsonNode json;
        try {
            json = MAPPER.readTree(response.body());
        } catch (RuntimeException e) {
            json = tools.jackson.databind.node.MissingNode.getInstance();
        }
        return new Reply(response.statusCode(), response, json);
    }
}
