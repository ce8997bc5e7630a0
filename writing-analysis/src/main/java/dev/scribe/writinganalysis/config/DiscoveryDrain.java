package dev.scribe.writinganalysis.config;

import com.netflix.appinfo.ApplicationInfoManager;
import com.netflix.appinfo.InstanceInfo.InstanceStatus;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Takes the instance out of load balancing before the web server stops, so that a rolling restart
 * fails no request.
 *
 * <p>Without it, the graceful shutdown closes the listening socket while the gateway still lists
 * the instance: new connections are refused (the gateway retries them elsewhere), but a request
 * written on a kept-alive connection at the moment Tomcat closes it fails after it may have been
 * processed, and the gateway must not repeat it. So the instance first reports DOWN to the registry
 * and refuses readiness, keeps answering for the drain delay while every gateway fetches the new
 * status, and only then lets the web server shut down.
 *
 * <p>An instance that never reached the registry (tests without one) was never discovered and stops
 * at once.
 */
public class DiscoveryDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryDrain.class);

    private final ObjectProvider<ApplicationInfoManager> instanceInfo;
    private final BooleanSupplier registered;
    private final ApplicationEventPublisher events;
    private final Duration drainDelay;

    private volatile boolean running;

    /**
     * @param registered whether the registry ever accepted this instance (a heartbeat succeeded)
     */
    public DiscoveryDrain(
            ObjectProvider<ApplicationInfoManager> instanceInfo,
            BooleanSupplier registered,
            ApplicationEventPublisher events,
            Duration drainDelay) {
        this.instanceInfo = instanceInfo;
        this.registered = registered;
        this.events = events;
        this.drainDelay = drainDelay;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void stop(Runnable callback) {
        running = false;
        ApplicationInfoManager info = instanceInfo.getIfAvailable();
        if (info == null || drainDelay.isZero() || !registered.getAsBoolean()) {
            callback.run();
            return;
        }

        // The status change is sent to the registry at once, not with the next heartbeat.
        info.setInstanceStatus(InstanceStatus.DOWN);
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        log.atInfo()
                .addKeyValue("drainDelayMs", drainDelay.toMillis())
                .log("Reported DOWN to the registry; draining before the web server stops");

        // The lifecycle processor waits for the callback, so the wait does not block other beans
        // of this phase.
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(
                        task -> {
                            Thread thread = new Thread(task, "discovery-drain");
                            thread.setDaemon(true);
                            return thread;
                        });
        timer.schedule(
                () -> {
                    callback.run();
                    timer.shutdown();
                },
                drainDelay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown, which runs at a lower phase. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
