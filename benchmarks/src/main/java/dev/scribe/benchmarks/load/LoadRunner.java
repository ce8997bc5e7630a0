package dev.scribe.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the request mix with {@link HttpClient#sendAsync} in one of two modes. An open run sends at
 * a fixed rate from a schedule and measures each latency from the request's intended send time, so
 * that a slow server cannot hide its delay by slowing the sender (coordinated omission). A closed
 * run keeps a fixed number of requests in flight and measures the highest throughput. Both stop by
 * themselves after warm-up plus duration and wait at most one request timeout for late responses.
 */
public final class LoadRunner {

    private final HttpClient client;
    private final RequestCatalog catalog;
    private final RequestMix mix;
    private final LoadSettings settings;
    private final Map<Operation, AtomicLong> bodyIndexes = new EnumMap<>(Operation.class);
    private final Map<Operation, URI> uris = new EnumMap<>(Operation.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong requestNumber = new AtomicLong();

    public LoadRunner(
            HttpClient client, RequestCatalog catalog, RequestMix mix, LoadSettings settings) {
        this.client = client;
        this.catalog = catalog;
        this.mix = mix;
        this.settings = settings;
        for (Operation operation : Operation.values()) {
            bodyIndexes.put(operation, new AtomicLong());
            uris.put(operation, URI.create(settings.baseUri() + operation.path()));
        }
    }

    /** Sends at the fixed rate of the settings and records the measured window. */
    public LoadRecorder runOpenLoop() throws InterruptedException {
        LoadRecorder recorder = new LoadRecorder();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / settings.rate();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measureFrom = start + settings.warmup().toNanos();
        long end = measureFrom + settings.duration().toNanos();

        for (long i = 0; ; i++) {
            long intended = start + i * intervalNanos;
            if (intended >= end) {
                break;
            }
            waitUntil(intended);

            boolean measured = intended >= measureFrom;
            if (inFlight.get() >= settings.maxInFlight()) {
                if (measured) {
                    recorder.recordSent();
                    recorder.recordError(LoadRecorder.CLIENT_BACKLOG);
                }
                continue;
            }
            send(mix.next(), intended, measured ? recorder : null);
        }

        awaitPending();
        return recorder;
    }

    /**
     * Keeps {@code concurrency} requests in flight until warm-up plus duration have passed; each
     * latency is measured from the actual send.
     */
    public LoadRecorder runClosedLoop() throws InterruptedException {
        LoadRecorder recorder = new LoadRecorder();
        long start = System.nanoTime();
        long measureFrom = start + settings.warmup().toNanos();
        long end = measureFrom + settings.duration().toNanos();

        CompletableFuture<?>[] workers = new CompletableFuture<?>[settings.concurrency()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = sendInLoop(recorder, measureFrom, end);
        }

        long timeoutNanos = end - System.nanoTime() + settings.requestTimeout().toNanos();
        try {
            CompletableFuture.allOf(workers).get(Math.max(timeoutNanos, 0), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            // Workers record their own failures; a worker still waiting here is abandoned.
        }
        return recorder;
    }

    private CompletableFuture<Void> sendInLoop(LoadRecorder recorder, long measureFrom, long end) {
        long sendTime = System.nanoTime();
        if (sendTime >= end) {
            return CompletableFuture.completedFuture(null);
        }
        Operation operation;
        synchronized (mix) {
            operation = mix.next();
        }
        return send(operation, sendTime, sendTime >= measureFrom ? recorder : null)
                .thenCompose(ignored -> sendInLoop(recorder, measureFrom, end));
    }

    /** Sends one request; a null recorder means the request belongs to the warm-up. */
    private CompletableFuture<Void> send(
            Operation operation, long intendedNanos, LoadRecorder recorder) {
        byte[] body = catalog.body(operation, bodyIndexes.get(operation).getAndIncrement());
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uris.get(operation))
                        .timeout(settings.requestTimeout())
                        .header("Content-Type", "application/json")
                        .header("X-Correlation-ID", "load-" + requestNumber.incrementAndGet())
                        // A client that wants the gateway to repeat a request whose connection
                        // broke after sending names it with a key (platform DS-16).
                        .header("Idempotency-Key", UUID.randomUUID().toString());
        settings.authHeaders().forEach(builder::header);
        HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        inFlight.incrementAndGet();
        if (recorder != null) {
            recorder.recordSent();
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle(
                        (response, error) -> {
                            long latency = System.nanoTime() - intendedNanos;
                            inFlight.decrementAndGet();
                            if (recorder != null) {
                                record(recorder, operation, latency, response, error);
                            }
                            return null;
                        });
    }

    private static void record(
            LoadRecorder recorder,
            Operation operation,
            long latencyNanos,
            HttpResponse<Void> response,
            Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            recorder.recordError(
                    cause instanceof HttpTimeoutException
                            ? LoadRecorder.TIMEOUT
                            : LoadRecorder.CONNECTION_ERROR);
        } else if (response.statusCode() / 100 == 2) {
            recorder.recordSuccess(operation, latencyNanos);
        } else {
            recorder.recordError("HTTP_" + response.statusCode());
        }
    }

    /** Waits for pending requests, at most one request timeout plus one second. */
    private void awaitPending() throws InterruptedException {
        long deadline =
                System.nanoTime()
                        + settings.requestTimeout().toNanos()
                        + TimeUnit.SECONDS.toNanos(1);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Parks until {@code deadlineNanos}; returns at once when the deadline has passed. */
    private static void waitUntil(long deadlineNanos) throws InterruptedException {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException("Interrupted while waiting for the next send");
            }
        }
    }
}
