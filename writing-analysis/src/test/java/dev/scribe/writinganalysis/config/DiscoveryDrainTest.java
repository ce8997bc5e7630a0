package dev.scribe.writinganalysis.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.appinfo.ApplicationInfoManager;
import com.netflix.appinfo.InstanceInfo;
import com.netflix.appinfo.InstanceInfo.InstanceStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;

class DiscoveryDrainTest {

    private final InstanceInfo instance =
            InstanceInfo.Builder.newBuilder()
                    .setAppName("writing-analysis")
                    .setInstanceId("writing-analysis:18092")
                    .setStatus(InstanceStatus.UP)
                    .build();
    private final ApplicationInfoManager manager = new ApplicationInfoManager(null, instance);
    private final List<Object> events = new CopyOnWriteArrayList<>();

    private DiscoveryDrain drain(boolean registered, Duration delay) {
        StaticListableBeanFactory beans =
                new StaticListableBeanFactory(Map.of("applicationInfoManager", manager));
        return new DiscoveryDrain(
                beans.getBeanProvider(ApplicationInfoManager.class),
                () -> registered,
                events::add,
                delay);
    }

    @Test
    void stopReportsDownThenWaits() throws InterruptedException {
        DiscoveryDrain drain = drain(true, Duration.ofMillis(200));
        drain.start();
        CountDownLatch stopped = new CountDownLatch(1);
        long started = System.nanoTime();

        drain.stop(stopped::countDown);

        // DOWN goes to the registry at once; the web server may stop only after the delay.
        assertThat(instance.getStatus()).isEqualTo(InstanceStatus.DOWN);
        assertThat(events)
                .singleElement()
                .satisfies(
                        event ->
                                assertThat(((AvailabilityChangeEvent<?>) event).getState())
                                        .isEqualTo(ReadinessState.REFUSING_TRAFFIC));
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(drain.isRunning()).isFalse();
    }

    @Test
    void unregisteredInstanceStopsAtOnce() {
        DiscoveryDrain drain = drain(false, Duration.ofMinutes(5));
        drain.start();
        boolean[] stopped = {false};

        drain.stop(() -> stopped[0] = true);

        assertThat(stopped[0]).isTrue();
        assertThat(instance.getStatus()).isEqualTo(InstanceStatus.UP);
        assertThat(events).isEmpty();
    }

    @Test
    void zeroDelayStopsAtOnce() {
        DiscoveryDrain drain = drain(true, Duration.ZERO);
        boolean[] stopped = {false};

        drain.stop(() -> stopped[0] = true);

        assertThat(stopped[0]).isTrue();
        assertThat(instance.getStatus()).isEqualTo(InstanceStatus.UP);
    }

    @Test
    void negativeDelayIsRejectedWithItsValue() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new ShutdownProperties(Duration.ofSeconds(-1)))
                .hasMessage("platform.shutdown.drain-delay must not be negative, got PT-1S");
    }
}
