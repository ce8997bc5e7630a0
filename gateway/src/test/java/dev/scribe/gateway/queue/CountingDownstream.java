package dev.scribe.gateway.queue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.scribe.platform.security.TokenVerificationException;
import dev.scribe.platform.security.TokenVerifier;
import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.security.UserClaims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * An in-process service that behaves like writing-analysis for queued writes: it verifies the
 * gateway's user assertion, applies each {@code Idempotency-Key} once (a repeat returns the stored
 * answer with {@code IDEMPOTENT_REPLAY}) and records every applied write in order. It can be
 * stopped and started again on the same port, so connections to it are refused in between, and it
 * can be told to fail with a plain 500 or to answer late.
 */
final class CountingDownstream {

    /** One applied write as the service saw it. */
    record AppliedWrite(
            String idempotencyKey,
            String subject,
            String path,
            String body,
            String replayed,
            String acceptedAt) {}

    enum Mode {
        NORMAL,
        PLAIN_500,
        SLOW,
        REJECT_400
    }

    private final int port;
    private final TokenVerifier assertionVerifier;
    private final Map<String, String> storedAnswers = new LinkedHashMap<>();
    private final List<AppliedWrite> applied = Collections.synchronizedList(new ArrayList<>());
    private final List<String> receivedKeys = Collections.synchronizedList(new ArrayList<>());
    private volatile Mode mode = Mode.NORMAL;
    private HttpServer server;

    CountingDownstream(int port, TokenVerifier assertionVerifier) {
        this.port = port;
        this.assertionVerifier = assertionVerifier;
    }

    synchronized void start() {
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start the downstream on port " + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    List<AppliedWrite> applied() {
        synchronized (applied) {
            return List.copyOf(applied);
        }
    }

    /** Keys of every request that reached the service, repeats included. */
    List<String> receivedKeys() {
        synchronized (receivedKeys) {
            return List.copyOf(receivedKeys);
        }
    }

    long appliedCount(String idempotencyKey) {
        return applied().stream()
                .filter(write -> write.idempotencyKey().equals(idempotencyKey))
                .count();
    }

    /** The Authorization header of every call from the test gateways (see QueueGateway). */
    static final String SERVICE_AUTHORIZATION = "Bearer " + QueueGateway.SERVICE_TOKEN;

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            receivedKeys.add(String.valueOf(key));

            switch (mode) {
                case PLAIN_500 -> {
                    respond(exchange, 500, "text/plain", "boom");
                    return;
                }
                case SLOW -> sleep(Duration.ofSeconds(3));
                case REJECT_400 -> {
                    respond(
                            exchange,
                            400,
                            "application/json",
                            "{\"success\":false,\"error\":{\"code\":\"INVALID_ARGUMENT\","
                                    + "\"message\":\"bad\",\"correlationId\":\"x\","
                                    + "\"retryable\":false}}");
                    return;
                }
                case NORMAL -> {}
            }

            // Like writing-analysis, accept only calls that carry the gateway's service token.
            if (!SERVICE_AUTHORIZATION.equals(
                    exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "application/json", "{\"success\":false}");
                return;
            }

            UserClaims caller;
            try {
                caller =
                        assertionVerifier.verify(
                                exchange.getRequestHeaders().getFirst(UserAssertions.HEADER));
            } catch (TokenVerificationException | RuntimeException e) {
                respond(exchange, 401, "application/json", "{\"success\":false}");
                return;
            }

            String answer;
            synchronized (storedAnswers) {
                answer = storedAnswers.get(key);
                if (answer == null) {
                    answer =
                            "{\"success\":true,\"data\":{\"recorded\":true},\"meta\":{\"tier\":"
                                    + "\"remote\",\"degraded\":false,\"notices\":[],"
                                    + "\"correlationId\":\"c\"}}";
                    storedAnswers.put(key, answer);
                    applied.add(
                            new AppliedWrite(
                                    key,
                                    caller.subject(),
                                    exchange.getRequestURI().getPath(),
                                    body,
                                    exchange.getRequestHeaders().getFirst("X-Replayed"),
                                    exchange.getRequestHeaders().getFirst("X-Accepted-At")));
                } else {
                    answer =
                            answer.replace("\"notices\":[]", "\"notices\":[\"IDEMPOTENT_REPLAY\"]");
                }
            }
            respond(exchange, 200, "application/json", answer);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @SuppressWarnings("java:S2925")
    private static void sleep(Duration duration) {
        // The delay is the fault under test (a response slower than the route timeout), not a
        // wait for a condition.
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
