package dev.scribe.gateway.service;

import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.platform.web.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

/**
 * Background work of the router: the cached health refresh of AR-8 and the synthetic probes of
 * AR-7, off the request path. Probes go through the operation circuit like live calls, so a
 * successful probe can also close a half-open circuit.
 */
public class TierBackgroundTasks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TierBackgroundTasks.class);

    /** The probe identity: a system caller that owns no data and asks nothing about anyone. */
    static final UserClaims PROBE_CALLER =
            new UserClaims("gateway-probe", Role.SYSTEM, "platform", List.of(), 1);

    private final TierRouter router;
    private final RemoteTier remote;
    private final TierStatistics statistics;
    private final TokenIssuer assertionIssuer;
    private final Duration healthInterval;
    private final Duration probeInterval;
    private final Duration probeTimeout;
    private ScheduledExecutorService scheduler;

    public TierBackgroundTasks(
            TierRouter router,
            RemoteTier remote,
            TierStatistics statistics,
            TokenIssuer assertionIssuer,
            Duration healthInterval,
            Duration probeInterval,
            Duration probeTimeout) {
        this.router = router;
        this.remote = remote;
        this.statistics = statistics;
        this.assertionIssuer = assertionIssuer;
        this.healthInterval = healthInterval;
        this.probeInterval = probeInterval;
        this.probeTimeout = probeTimeout;
    }

    @Override
    public synchronized void start() {
        scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "tier-health");
                            thread.setDaemon(true);
                            return thread;
                        });
        scheduler.scheduleWithFixedDelay(
                this::refreshSafely, 0, healthInterval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                this::probeDemotedTiers,
                probeInterval.toMillis(),
                probeInterval.toMillis(),
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

    private void refreshSafely() {
        try {
            router.refresh();
        } catch (RuntimeException e) {
            log.warn("Tier health refresh failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Sends the synthetic probe of every operation whose remote tier is demoted now (AR-7). */
    public void probeDemotedTiers() {
        for (TieredOperation operation : TieredOperation.values()) {
            if (operation.probeBody() == null || !router.remoteDemoted(operation)) {
                continue;
            }
            try {
                probe(operation).block(probeTimeout.plusSeconds(1));
            } catch (RuntimeException e) {
                log.info(
                        "Probe of {} failed: {}",
                        operation.circuitName(),
                        e.getClass().getSimpleName());
            }
        }
        refreshSafely();
    }

    /** One probe: the fixed body, the probe identity, a fresh correlation id. */
    public Mono<RemoteTier.Outcome> probe(TieredOperation operation) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(CorrelationIds.HEADER, "probe-" + UUID.randomUUID());
        headers.set(UserAssertions.HEADER, assertionIssuer.issue(PROBE_CALLER));
        RemoteTier.Request request =
                new RemoteTier.Request(
                        operation,
                        null,
                        headers,
                        operation.probeBody().getBytes(StandardCharsets.UTF_8),
                        false);
        long started = System.nanoTime();
        return remote.call(request, probeTimeout)
                .doOnNext(
                        outcome -> {
                            if (outcome.kind() != RemoteTier.Kind.SHORT_CIRCUITED) {
                                statistics.record(
                                        operation,
                                        Tier.REMOTE,
                                        outcome.kind() != RemoteTier.Kind.FAILURE,
                                        Duration.ofNanos(System.nanoTime() - started));
                            }
                        });
    }
}
