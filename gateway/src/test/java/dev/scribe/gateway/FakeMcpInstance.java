package dev.scribe.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process upstream instance that behaves like an MCP Streamable HTTP server as far as the
 * gateway can see: an {@code initialize} POST gets a new {@code Mcp-Session-Id}, later requests of
 * a session this instance issued get 200, requests of any other session get 404, {@code DELETE}
 * ends a session, and {@code GET} opens an event stream that sends one event, then waits until the
 * test releases it before sending the second. Every request is recorded.
 *
 * <p>WireMock cannot hold a stream open between two events, so this server uses the JDK's own.
 */
final class FakeMcpInstance {

    static final String SESSION_HEADER = "Mcp-Session-Id";

    /** A request as this instance received it. */
    record ReceivedRequest(String method, String path, Map<String, List<String>> headers) {

        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessionCounter = new AtomicInteger();
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch streamRelease = new CountDownLatch(1);
    private final AtomicBoolean secondEventSent = new AtomicBoolean();

    FakeMcpInstance(String name) {
        this.name = name;
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String name() {
        return name;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    /** Returns how many requests carried the given session id. */
    long requestsWithSession(String sessionId) {
        return received.stream()
                .filter(request -> sessionId.equals(request.header(SESSION_HEADER)))
                .count();
    }

    /** Lets the open event stream send its second event and end. */
    void releaseStream() {
        streamRelease.countDown();
    }

    boolean secondEventSent() {
        return secondEventSent.get();
    }

    /** Stops the server, so that connections to its port are refused from now on. */
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(
                    new ReceivedRequest(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getRawPath(),
                            Map.copyOf(exchange.getRequestHeaders())));

            String sessionId = exchange.getRequestHeaders().getFirst(SESSION_HEADER);
            String text = new String(body, StandardCharsets.UTF_8);
            switch (exchange.getRequestMethod()) {
                case "POST" -> post(exchange, sessionId, text);
                case "GET" -> stream(exchange, sessionId);
                case "DELETE" -> delete(exchange, sessionId);
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    private void post(HttpExchange exchange, String sessionId, String body) throws IOException {
        if (body.contains("\"method\":\"initialize\"")) {
            String issued = name + "-session-" + sessionCounter.incrementAndGet();
            sessions.add(issued);
            exchange.getResponseHeaders().set(SESSION_HEADER, issued);
            sendJson(
                    exchange,
                    200,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"instance\":\"" + name + "\"}}");
            return;
        }
        if (sessionId == null) {
            sendJson(exchange, 400, "{\"error\":\"missing session\"}");
            return;
        }
        if (!sessions.contains(sessionId)) {
            sendJson(exchange, 404, "{\"error\":\"unknown session\"}");
            return;
        }
        sendJson(
                exchange,
                200,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"instance\":\"" + name + "\"}}");
    }

    private void delete(HttpExchange exchange, String sessionId) throws IOException {
        if (sessionId != null && sessions.remove(sessionId)) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private void stream(HttpExchange exchange, String sessionId) throws IOException {
        if (sessionId == null || !sessions.contains(sessionId)) {
            sendJson(exchange, 404, "{\"error\":\"unknown session\"}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);

        OutputStream out = exchange.getResponseBody();
        out.write(event("first"));
        out.flush();
        try {
            // Bounded, so that a failing test cannot hold the server thread forever.
            streamRelease.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        secondEventSent.set(true);
        out.write(event("second"));
        out.flush();
    }

    private static byte[] event(String data) {
        // Padded above the gateway's 1 KB compression threshold, so that a compressed stream
        // would show in the test.
        String padding = "x".repeat(2048);
        return ("event: message\ndata: " + data + " " + padding + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void sendJson(HttpExchange exchange, int status, String json)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
