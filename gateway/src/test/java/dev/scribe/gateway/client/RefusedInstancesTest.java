package dev.scribe.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/** The quarantine of instances that refused a connection, and its use by the balancer. */
class RefusedInstancesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T00:00:00Z"));
    private final RefusedInstances refused = new RefusedInstances(clock);

    private final ServiceInstance first = instance(18092);
    private final ServiceInstance second = instance(18093);

    @Test
    void refusedInstanceIsLeftOutUntilTheQuarantineEnds() {
        refused.refused("127.0.0.1:18092");

        assertThat(choices()).containsExactly(second);

        clock.advance(RefusedInstances.QUARANTINE.minusMillis(1));
        assertThat(choices()).containsExactly(second);

        clock.advance(Duration.ofMillis(1));
        assertThat(choices()).containsExactly(first, second);
    }

    @Test
    void droppedInstanceReturnsAfterListing() {
        List<List<ServiceInstance>> registryLists =
                List.of(List.of(first, second), List.of(second), List.of(first, second));
        UntriedInstanceListSupplier supplier = supplier(registryLists);
        refused.refused("127.0.0.1:18092");

        // Still listed: left out. Dropped by the registry, then registered again: used at once.
        assertThat(supplier.get().take(3).collectList().block())
                .containsExactly(List.of(second), List.of(second), List.of(first, second));
    }

    @Test
    void newRegistrationEndsQuarantine() {
        ServiceInstance restarted =
                new DefaultServiceInstance(
                        "writing-analysis:18092:restarted",
                        "writing-analysis",
                        "127.0.0.1",
                        18092,
                        false);
        UntriedInstanceListSupplier supplier =
                supplier(List.of(List.of(first, second), List.of(restarted, second)));
        refused.refused("127.0.0.1:18092");

        assertThat(supplier.get().take(2).collectList().block())
                .containsExactly(List.of(second), List.of(restarted, second));
    }

    @Test
    void everyInstanceRefusedKeepsTheFullList() {
        refused.refused("127.0.0.1:18092");
        refused.refused("127.0.0.1:18093");

        assertThat(choices()).containsExactly(first, second);
    }

    private List<ServiceInstance> choices() {
        return supplier(List.of(List.of(first, second))).get().blockFirst();
    }

    /** A balancer list over a registry that returns {@code lists} one after the other. */
    private UntriedInstanceListSupplier supplier(List<List<ServiceInstance>> lists) {
        ServiceInstanceListSupplier registry =
                new ServiceInstanceListSupplier() {
                    @Override
                    public String getServiceId() {
                        return "writing-analysis";
                    }

                    @Override
                    public Flux<List<ServiceInstance>> get() {
                        return Flux.fromIterable(lists);
                    }
                };
        return new UntriedInstanceListSupplier(registry, refused);
    }

    private static ServiceInstance instance(int port) {
        return new DefaultServiceInstance(
                "writing-analysis:" + port, "writing-analysis", "127.0.0.1", port, false);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
