package dev.scribe.gateway.service;

import dev.scribe.gateway.client.RemoteOperationClient;
import dev.scribe.gateway.client.RemoteOperationClient.RemoteResponse;
import dev.scribe.gateway.domain.DegradedOutbox;
import dev.scribe.gateway.domain.DegradedOutboxEntry;
import dev.scribe.gateway.domain.DegradedOutboxException;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.platform.security.ServiceTokenClient;
import dev.scribe.platform.security.ServiceTokenException;
import dev.scribe.platform.security.ServiceTokens;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the durable outbox to the writing-analysis service on a timer, off the request path: one
 * entry at a time, oldest first, each deleted after the service acknowledged it. The service stores
 * an outbox id once, so an entry sent again after a lost acknowledgement does no harm.
 *
 * <p>No pass runs while the service's circuit (the proxy chain's, named after the service) is open.
 * A pass stops at the first entry the service cannot take (no instance, timeout, 5xx, no service
 * token), so later entries never overtake it; the next pass starts again from the oldest. An entry
 * the service rejects as invalid, or that this gateway cannot decrypt, stays pending and is logged
 * at ERROR, and the pass moves on. The pending-entries and oldest-age gauges show both cases.
 */
public class DegradedOutboxReplayer implements SmartLifecycle {

    /** Replay endpoint of the writing-analysis service. */
    public static final String PATH = "/internal/degraded-outbox";

    private static final Logger log = LoggerFactory.getLogger(DegradedOutboxReplayer.class);

    private final DegradedOutbox outbox;
    private final CircuitBreakers breakers;
    private final RemoteOperationClient client;
    private final ServiceTokenClient tokens;
    private final JsonMapper json;
    private final Duration interval;
    private final Duration timeout;
    private ScheduledExecutorService scheduler;

    public DegradedOutboxReplayer(
            DegradedOutbox outbox,
            CircuitBreakers breakers,
            RemoteOperationClient client,
            ServiceTokenClient tokens,
            JsonMapper json,
            Duration interval,
            Duration timeout) {
        this.outbox = outbox;
        this.breakers = breakers;
        this.client = client;
        this.tokens = tokens;
        this.json = json;
        this.interval = interval;
        this.timeout = timeout;
    }

    @Override
    public synchronized void start() {
        scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "outbox-replay");
                            thread.setDaemon(true);
                            return thread;
                        });
        scheduler.scheduleWithFixedDelay(
                this::replaySafely,
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void replaySafely() {
        try {
            replayPending();
        } catch (RuntimeException e) {
            log.atWarn()
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("Outbox replay pass failed");
        }
    }

    /**
     * Runs one replay pass.
     *
     * @return the number of entries the service acknowledged
     */
    public synchronized int replayPending() {
        if (serviceCircuitBlocking()) {
            // The proxy chain's circuit for the service is open: wait until it lets calls through.
            return 0;
        }
        int acknowledged = 0;
        for (DegradedOutboxEntry entry : outbox.pending()) {
            byte[] plaintext;
            try {
                plaintext = outbox.decrypt(entry);
            } catch (DegradedOutboxException e) {
                log.atError()
                        .addKeyValue("outboxId", entry.outboxId())
                        .addKeyValue("reason", e.getMessage())
                        .log("Cannot decrypt an outbox entry; it stays pending");
                continue;
            }

            int status = send(entry, plaintext);
            if (status == 200) {
                outbox.acknowledge(entry.outboxId());
                acknowledged++;
                continue;
            }
            if (status >= 400 && status < 500 && status != 401 && status != 403) {
                log.atError()
                        .addKeyValue("outboxId", entry.outboxId())
                        .addKeyValue("kind", entry.kind().wireName())
                        .addKeyValue("status", status)
                        .log("The service rejected an outbox entry; it stays pending");
                continue;
            }
            log.atInfo()
                    .addKeyValue("outboxId", entry.outboxId())
                    .addKeyValue("status", status)
                    .addKeyValue("pending", outbox.pendingCount())
                    .log("Outbox replay paused until the service accepts entries again");
            break;
        }
        if (acknowledged > 0) {
            log.atInfo()
                    .addKeyValue("acknowledged", acknowledged)
                    .addKeyValue("pending", outbox.pendingCount())
                    .log("Replayed outbox entries");
        }
        return acknowledged;
    }

    private boolean serviceCircuitBlocking() {
        return breakers.find(TieredOperation.SERVICE)
                .map(CircuitBreakers.Circuit::isBlocking)
                .orElse(false);
    }

    /** Sends one entry; returns the HTTP status, or 0 when no response arrived. */
    private int send(DegradedOutboxEntry entry, byte[] plaintext) {
        String token;
        try {
            token = tokens.token(TieredOperation.SERVICE, ServiceTokens.SCOPE_API_INVOKE);
        } catch (ServiceTokenException e) {
            log.atWarn()
                    .log("Cannot get a service token for the outbox replay: {}", e.getMessage());
            return 0;
        }

        ObjectNode body = json.createObjectNode();
        body.put("outboxId", entry.outboxId().toString());
        body.put("kind", entry.kind().wireName());
        body.put("createdAt", entry.createdAt().toString());
        body.set("payload", json.readTree(plaintext));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        headers.set("X-Correlation-ID", UUID.randomUUID().toString());

        try {
            RemoteResponse response =
                    client.post(
                                    TieredOperation.SERVICE,
                                    PATH,
                                    null,
                                    headers,
                                    json.writeValueAsBytes(body),
                                    timeout)
                            .block(timeout.plusSeconds(1));
            return response == null ? 0 : response.status();
        } catch (RuntimeException e) {
            log.atInfo()
                    .addKeyValue("outboxId", entry.outboxId())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("Outbox replay call failed");
            return 0;
        }
    }
}
