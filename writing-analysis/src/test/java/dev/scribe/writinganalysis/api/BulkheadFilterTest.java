package dev.scribe.writinganalysis.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.scribe.writinganalysis.config.BulkheadProperties;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** The bulkhead sheds requests beyond its running and waiting limits. */
class BulkheadFilterTest {

    private final ErrorResponses errors = new ErrorResponses(JsonMapper.builder().build());

    @Test
    void fullBulkhead_returns503ServiceBusy() throws Exception {
        BulkheadFilter filter = new BulkheadFilter(new BulkheadProperties(1, 0, 0), errors);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<MockHttpServletResponse> first =
                CompletableFuture.supplyAsync(() -> run(filter, blockingChain(entered, release)));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        MockHttpServletResponse shed = run(filter, (request, response) -> {});
        release.countDown();

        assertThat(shed.getStatus()).isEqualTo(503);
        assertThat(shed.getHeader("Retry-After")).isEqualTo("1");
        assertThat(shed.getContentAsString()).contains("SERVICE_BUSY");
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(run(filter, (request, response) -> {}).getStatus()).isEqualTo(200);
    }

    @Test
    void waitingRequest_runsWhenSlotFrees() throws Exception {
        BulkheadFilter filter = new BulkheadFilter(new BulkheadProperties(1, 1, 10_000), errors);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<MockHttpServletResponse> first =
                CompletableFuture.supplyAsync(() -> run(filter, blockingChain(entered, release)));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<MockHttpServletResponse> second =
                CompletableFuture.supplyAsync(() -> run(filter, (request, response) -> {}));
        await().atMost(Duration.ofSeconds(10)).until(() -> filter.waitingCount() == 1);
        MockHttpServletResponse third = run(filter, (request, response) -> {});
        release.countDown();

        assertThat(third.getStatus()).isEqualTo(503);
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }

    private static FilterChain blockingChain(CountDownLatch entered, CountDownLatch release) {
        return (request, response) -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static MockHttpServletResponse run(BulkheadFilter filter, FilterChain chain) {
        MockHttpServletRequest request =
                new MockHttpServletRequest("POST", "/api/writing-analysis/sensitivity");
        request.setAttribute(RequestAttributes.CORRELATION_ID, "bulkhead-test-0001");
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
