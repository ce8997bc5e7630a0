package dev.scribe.gateway.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.scribe.gateway.client.RefusedInstances;
import dev.scribe.gateway.client.RemoteOperationClient;
import dev.scribe.gateway.config.AdaptiveProperties;
import dev.scribe.gateway.config.ResilienceProperties;
import dev.scribe.gateway.config.ResilienceProperties.CircuitSettings;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.gateway.service.RemoteTier.Kind;
import dev.scribe.gateway.service.RemoteTier.Outcome;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The remote tier against a faulty downstream (WireMock, or a closed port): every failure class of
 * CB-7, the exact number of upstream calls with and without retries, and the breaker changes.
 */
class RemoteTierTest {

    private static final WireMockServer UPSTREAM =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    private static final String PATH = TieredOperation.SENSITIVITY.path();
    private static final String OK_BODY =
            "{\"success\":true,\"data\":{},\"meta\":{\"tier\":\"remote\",\"degraded\":false,"
                    + "\"notices\":[],\"correlationId\":\"corr-12345\"}}";

    static {
        UPSTREAM.start();
    }

    private int targetPort = UPSTREAM.port();
    private CircuitBreakers breakers;
    private RemoteTier remote;
    private RefusedInstances refused;

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.stop();
    }

    @BeforeEach
    void setUp() {
        UPSTREAM.resetAll();
        build(Map.of());
    }

    private void build(Map<String, CircuitSettings> circuits) {
        Clock clock = Clock.systemUTC();
        breakers =
                new CircuitBreakers(
                        new ResilienceProperties(circuits, List.of("writing-analysis")),
                        clock,
                        new SimpleMeterRegistry());
        AdaptiveProperties properties =
                new AdaptiveProperties(
                        300,
                        100,
                        10,
                        0.8,
                        5000,
                        2,
                        30,
                        10,
                        0.01,
                        30,
                        2,
                        20,
                        "test-only-pseudonym-key");
        refused = new RefusedInstances(clock);
        RemoteOperationClient client =
                new RemoteOperationClient(WebClient.builder(), new FixedTarget(), 500);
        remote =
                new RemoteTier(
                        client,
                        breakers,
                        new TierStatistics(clock, Duration.ofMinutes(5), 100),
                        properties,
                        JsonMapper.builder().build(),
                        clock,
                        () -> 0.0,
                        refused);
    }

    /** Stands in for the load balancer: sends every call to the test's target port. */
    private final class FixedTarget implements LoadBalancedExchangeFilterFunction {
        @Override
        public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
            URI target =
                    UriComponentsBuilder.fromUri(request.url())
                            .host("127.0.0.1")
                            .port(targetPort)
                            .build(true)
                            .toUri();
            return next.exchange(ClientRequest.from(request).url(target).build());
        }
    }

    private Outcome call(boolean retryAllowed, Duration budget) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        RemoteTier.Request request =
                new RemoteTier.Request(
                        TieredOperation.SENSITIVITY,
                        null,
                        headers,
                        "{\"content\":\"text\"}".getBytes(StandardCharsets.UTF_8),
                        retryAllowed);
        return remote.call(request, budget).block(Duration.ofSeconds(10));
    }

    private Outcome call() {
        return call(true, Duration.ofSeconds(5));
    }

    private void stub(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        UPSTREAM.stubFor(post(urlEqualTo(PATH)).willReturn(response));
    }

    private static int upstreamCalls() {
        return UPSTREAM.countRequestsMatching(postRequestedFor(urlEqualTo(PATH)).build())
                .getCount();
    }

    private CircuitBreakers.Circuit circuit() {
        return breakers.circuit(TieredOperation.SENSITIVITY.circuitName());
    }

    @Test
    void jsonSuccessIsOneCall() {
        stub(
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(OK_BODY));

        Outcome outcome = call();

        assertThat(outcome.kind()).isEqualTo(Kind.SUCCESS);
        assertThat(outcome.response().status()).isEqualTo(200);
        assertThat(upstreamCalls()).isEqualTo(1);
        assertThat(circuit().totalCalls()).isEqualTo(1);
        assertThat(circuit().totalFailures()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreFailuresRetriedTwice(int status) {
        stub(aResponse().withStatus(status));

        Outcome outcome = call();

        assertThat(outcome.kind()).isEqualTo(Kind.FAILURE);
        assertThat(outcome.reason()).isEqualTo("HTTP_" + status);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(upstreamCalls()).isEqualTo(3);
        assertThat(circuit().totalFailures()).isEqualTo(3);
        assertThat(circuit().consecutiveFailures()).isEqualTo(3);
        assertThat(circuit().state()).isEqualTo(State.CLOSED);
    }

    @Test
    void serverErrorWithoutRetryPermissionIsOneCall() {
        stub(aResponse().withStatus(500));

        Outcome outcome = call(false, Duration.ofSeconds(5));

        assertThat(outcome.kind()).isEqualTo(Kind.FAILURE);
        assertThat(upstreamCalls()).isEqualTo(1);
    }

    @Test
    void unavailableWithRetryAfterIsNotRetried() {
        stub(aResponse().withStatus(503).withHeader("Retry-After", "120"));

        Outcome outcome = call();

        assertThat(outcome.kind()).isEqualTo(Kind.FAILURE);
        assertThat(upstreamCalls()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWithoutRetryAfterIsAFailureRetriedTwice() {
        stub(aResponse().withStatus(429));

        Outcome outcome = call();

        assertThat(outcome.kind()).isEqualTo(Kind.FAILURE);
        assertThat(upstreamCalls()).isEqualTo(3);
    }

    @Test
    void tooManyRequestsWithRetryAfterIsAFailureNotRetried() {
        stub(aResponse().withStatus(429).withHeader("Retry-After", "30"));

        Outcome outcome = call();

        assertThat(outcome.kind()).isEqualTo(Kind.FAILURE);
        assertThat(outcome.reason()).isEqualTo("HTTP_429");
        assertThat(upstreamCalls()).isEqualTo(1);
        assertThat(circuit().totalFailures()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsIsACallerErrorWhenTheCircuitDoesNotCountIt() {
        build(
                Map.of(
                        TieredOperation.SENSITIVITY.circuitName(),
                        new CircuitSettings(
                                null, null, null, null, null, null, null, null, null, null, null,
                                false)));
        stub(aResponse().withStatus(429));

        Outcome outcome = call();

        assertThat(outcome.kind()).isEqualTo(Kind.CALLER_ERROR);
        assertThat(upstreamCalls()).isEqualTo(1);
        assertThat(circuit().totalFailures()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 412, 422})
    void clientErrorsCountAsSuccessAndAreNotRetried(int status) {
        stub(
                aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false}"));

        Outcome outcome = call();

        assertThat(outcome.kind()).isEqualTo(Kind.CALLER_ERROR);
        assertThat(outcome.response().status()).isEqualTo(status);
        assertThat(upstreamCalls()).isEqualTo(1);
        assertThat(circuit().totalFailures()).isZero();
        assertThat(circuit().consecutiveFailures()).isZero();
    }

    @Test
    void successWithABodyThatIsNotJsonIsAFailure() {
        stub(
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>maintenance</html>"));

        Outcome outcome = call();

        assertThat(outcome.kind()).isEqualTo(Kind.FAILURE);
        assertThat(outcome.reason()).isEqualTo("MALFORMED_BODY");
        assertThat(upstreamCalls()).isEqualTo(3);
    }

    @Test
    void truncatedJsonIsAFailure() {
        stub(
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":tr"));

        assertThat(call(false, Duration.ofSeconds(5)).reason()).isEqualTo("MALFORMED_BODY");
    }

    @Test
    void timeoutIsAFailureWithinTheBudget() {
        stub(aResponse().withStatus(200).withFixedDelay(3000));
        long started = System.nanoTime();

        Outcome outcome = call(true, Duration.ofMillis(400));

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(outcome.kind()).isEqualTo(Kind.FAILURE);
        assertThat(outcome.reason()).isEqualTo("TIMEOUT");
        // No time is left for a retry inside the budget.
        assertThat(upstreamCalls()).isEqualTo(1);
        assertThat(tookMs).isLessThan(2500);
        assertThat(circuit().totalFailures()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsRetriedTwiceAndCountsOnceOnTheCircuit() {
        int port = closedPort();
        targetPort = port;

        Outcome outcome = call();

        assertThat(outcome.kind()).isEqualTo(Kind.FAILURE);
        assertThat(outcome.reason()).isEqualTo("CONNECT_FAILED");
        assertThat(outcome.attempts()).isEqualTo(3);
        // Retried refusals may reach another instance, so only the last attempt counts.
        assertThat(circuit().totalFailures()).isEqualTo(1);
        // The refusing instance is left out of the next load-balancing choices.
        assertThat(refused.isRefused("127.0.0.1:" + port)).isTrue();
    }

    @Test
    void refusedConnectionIsRetriedEvenWithoutRetryPermission() {
        targetPort = closedPort();

        Outcome outcome = call(false, Duration.ofSeconds(5));

        // Nothing was sent, so a repeat cannot duplicate any work.
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.reason()).isEqualTo("CONNECT_FAILED");
    }

    @Test
    void resetConnectionIsAFailure() {
        stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        Outcome outcome = call(false, Duration.ofSeconds(5));

        assertThat(outcome.kind()).isEqualTo(Kind.FAILURE);
        assertThat(outcome.reason()).startsWith("CONNECTION:");
        assertThat(upstreamCalls()).isEqualTo(1);
    }

    @Test
    void fiveFailedCallsOpenTheCircuitAndTheSixthIsShortCircuited() {
        stub(aResponse().withStatus(500));
        for (int i = 0; i < 5; i++) {
            assertThat(call(false, Duration.ofSeconds(5)).kind()).isEqualTo(Kind.FAILURE);
        }
        assertThat(circuit().state()).isEqualTo(State.OPEN);

        Outcome outcome = call(false, Duration.ofSeconds(5));

        assertThat(outcome.kind()).isEqualTo(Kind.SHORT_CIRCUITED);
        assertThat(outcome.attempts()).isZero();
        assertThat(upstreamCalls()).isEqualTo(5);
        assertThat(circuit().totalShortCircuited()).isEqualTo(1);
    }

    @Test
    void retriesStopWhenTheCircuitOpens() {
        stub(aResponse().withStatus(500));
        call(false, Duration.ofSeconds(5));
        call(false, Duration.ofSeconds(5));
        call(false, Duration.ofSeconds(5));

        // Two failing attempts reach five consecutive failures; the third is short-circuited.
        Outcome outcome = call();

        assertThat(circuit().state()).isEqualTo(State.OPEN);
        assertThat(outcome.kind()).isEqualTo(Kind.SHORT_CIRCUITED);
        assertThat(upstreamCalls()).isEqualTo(5);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
