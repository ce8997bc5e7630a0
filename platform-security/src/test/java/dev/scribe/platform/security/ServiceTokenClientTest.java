package dev.scribe.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Token cache tests against a real HTTP token endpoint on loopback that counts requests and can be
 * held or made to fail. Concurrent callers share one token request, and a renewal does not hold up
 * callers that still have a valid token. A failure is not repeated by every waiting caller.
 */
class ServiceTokenClientTest {

    private static final Duration LIFETIME = Duration.ofSeconds(300);

    private final AtomicInteger requests = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private volatile int status = 200;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile CountDownLatch arrived = new CountDownLatch(1);

    private HttpServer identity;
    private ExecutorService callers;
    private ServiceTokenClient client;

    @BeforeEach
    void startIdentity() throws IOException {
        identity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        identity.setExecutor(Executors.newCachedThreadPool());
        identity.createContext("/oauth2/token", this::answer);
        identity.start();
        callers = Executors.newFixedThreadPool(8);
        client =
                new ServiceTokenClient(
                        URI.create(
                                "http://127.0.0.1:"
                                        + identity.getAddress().getPort()
                                        + "/oauth2/token"),
                        "gateway",
                        "client-secret",
                        Duration.ofSeconds(5),
                        clock);
    }

    @AfterEach
    void stop() {
        hold.countDown();
        callers.shutdownNow();
        identity.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        int number = requests.incrementAndGet();
        arrived.countDown();
        try {
            hold.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body =
                (status == 200
                                ? "{\"access_token\":\"token-"
                                        + number
                                        + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                                        + LIFETIME.toSeconds()
                                        + "}"
                                : "{\"error\":\"server_error\"}")
                        .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private List<Future<String>> callConcurrently(int count) {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(callers.submit(() -> client.token("writing-analysis", "api:invoke")));
        }
        return results;
    }

    @Test
    void concurrentCallersWithoutATokenShareOneRequest() throws Exception {
        hold = new CountDownLatch(1);
        List<Future<String>> results = callConcurrently(8);
        assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

        hold.countDown();

        Set<String> tokens = ConcurrentHashMap.newKeySet();
        for (Future<String> result : results) {
            tokens.add(result.get(5, TimeUnit.SECONDS));
        }
        assertThat(tokens).containsExactly("token-1");
        assertThat(requests).hasValue(1);
    }

    @Test
    void renewalKeepsOthersOnValidToken() throws Exception {
        assertThat(client.token("writing-analysis", "api:invoke")).isEqualTo("token-1");
        clock.advance(LIFETIME.multipliedBy(85).dividedBy(100));
        hold = new CountDownLatch(1);
        arrived = new CountDownLatch(1);

        Future<String> renewing =
                callers.submit(() -> client.token("writing-analysis", "api:invoke"));
        assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
        // While the renewal waits for identity, every other caller gets the current token at once.
        for (Future<String> other : callConcurrently(5)) {
            assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo("token-1");
        }

        hold.countDown();
        assertThat(renewing.get(5, TimeUnit.SECONDS)).isEqualTo("token-2");
        assertThat(client.token("writing-analysis", "api:invoke")).isEqualTo("token-2");
        assertThat(requests).hasValue(2);
    }

    @Test
    void tokenPastItsUsableLifetimeIsNotSent() throws Exception {
        client.token("writing-analysis", "api:invoke");
        clock.advance(LIFETIME.multipliedBy(96).dividedBy(100));

        assertThat(client.token("writing-analysis", "api:invoke")).isEqualTo("token-2");
        assertThat(requests).hasValue(2);
    }

    @Test
    void failedRequestIsNotRepeatedForAMoment() throws Exception {
        status = 500;

        assertThatThrownBy(() -> client.token("writing-analysis", "api:invoke"))
                .isInstanceOf(ServiceTokenException.class)
                .hasMessageContaining("HTTP 500 server_error");
        assertThatThrownBy(() -> client.token("writing-analysis", "api:invoke"))
                .isInstanceOf(ServiceTokenException.class)
                .hasMessageContaining("failed moments ago");
        assertThat(requests).hasValue(1);

        status = 200;
        clock.advance(ServiceTokenClient.RETRY_PAUSE);
        assertThat(client.token("writing-analysis", "api:invoke")).isEqualTo("token-2");
    }

    @Test
    void failedRenewalKeepsSendingTheValidToken() throws Exception {
        client.token("writing-analysis", "api:invoke");
        clock.advance(LIFETIME.multipliedBy(85).dividedBy(100));
        status = 503;

        assertThat(client.token("writing-analysis", "api:invoke")).isEqualTo("token-1");
        assertThat(client.token("writing-analysis", "api:invoke")).isEqualTo("token-1");
        assertThat(requests).hasValue(2);
    }

    /** A clock that tests move forward by hand. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
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
