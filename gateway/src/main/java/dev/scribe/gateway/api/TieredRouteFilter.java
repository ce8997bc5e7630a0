package dev.scribe.gateway.api;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.scribe.gateway.client.ForwardedHeadersFilter;
import dev.scribe.gateway.client.RemoteOperationClient.RemoteResponse;
import dev.scribe.gateway.client.UpstreamErrorMappingFilter;
import dev.scribe.gateway.config.GatewayProperties.RouteProperties;
import dev.scribe.gateway.domain.DegradedOutboxException;
import dev.scribe.gateway.domain.ExchangeAttributes;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.domain.TieredOperation;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.FeatureFlags;
import dev.scribe.gateway.service.GatewayHeuristicTier;
import dev.scribe.gateway.service.LocalTier;
import dev.scribe.gateway.service.RemoteTier;
import dev.scribe.gateway.service.TierRouter;
import dev.scribe.gateway.service.TierStatistics;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.Meta;
import dev.scribe.platform.web.SuccessEnvelope;
import dev.scribe.platform.web.Tier;
import dev.scribe.writinganalysis.core.api.ToolResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tier router at the edge (platform section 6) for the tiered operations of routes marked
 * {@code tiered: true}. It runs after authentication, the body limit and header sanitising, so the
 * remote call carries the same user assertion, correlation id and cleaned headers as the proxy
 * chain. Every other request continues down that chain.
 *
 * <p>Per request: plan from cached state (AR-5), try the planned tiers with at most two fallbacks
 * inside the route deadline (AR-6), answer with the tier and notices that actually applied (AR-11),
 * or 503 {@code NO_TIER_AVAILABLE} with {@code Retry-After} (AR-12).
 */
public class TieredRouteFilter implements GlobalFilter, Ordered {

    public static final int ORDER = UpstreamErrorMappingFilter.ORDER + 50;

    public static final String TIER_HEADER = "X-Service-Tier";
    public static final String DEGRADED_HEADER = "X-Degraded";
    static final String JUSTIFICATION_HEADER = "X-Access-Justification";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    /** Notice of an answer from a later tier after the local tier failed. */
    public static final String LOCAL_FAILED = "LOCAL_FAILED";

    private static final Logger log = LoggerFactory.getLogger(TieredRouteFilter.class);

    private static final Set<String> UNCOPIED_RESPONSE_HEADERS =
            Set.of(
                    "connection",
                    "keep-alive",
                    "transfer-encoding",
                    "content-length",
                    "upgrade",
                    "trailer",
                    "te",
                    "proxy-authenticate");

    private final TierRouter router;
    private final RemoteTier remote;
    private final LocalTier local;
    private final GatewayHeuristicTier heuristic;
    private final TierStatistics statistics;
    private final CircuitBreakers breakers;
    private final FeatureFlags flags;
    private final JsonMapper jsonMapper;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ForwardedHeadersFilter forwarded = new ForwardedHeadersFilter();

    public TieredRouteFilter(
            TierRouter router,
            RemoteTier remote,
            LocalTier local,
            GatewayHeuristicTier heuristic,
            TierStatistics statistics,
            CircuitBreakers breakers,
            FeatureFlags flags,
            JsonMapper jsonMapper,
            MeterRegistry meters,
            Clock clock) {
        this.router = router;
        this.remote = remote;
        this.local = local;
        this.heuristic = heuristic;
        this.statistics = statistics;
        this.breakers = breakers;
        this.flags = flags;
        this.jsonMapper = jsonMapper;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        if (!Boolean.TRUE.equals(route.getMetadata().get(RouteProperties.TIERED_METADATA))) {
            return chain.filter(exchange);
        }
        Optional<TieredOperation> match =
                TieredOperation.match(
                        exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().pathWithinApplication().value());
        if (match.isEmpty()) {
            return chain.filter(exchange);
        }

        TieredOperation operation = match.get();
        Instant deadline = clock.instant().plus(routeTimeout(route));
        boolean retryRoute =
                "idempotent".equals(route.getMetadata().get(RouteProperties.RETRY_METADATA));
        return DataBufferUtils.join(exchange.getRequest().getBody())
                .map(
                        buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        })
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> route(exchange, operation, body, deadline, retryRoute));
    }

    private static Duration routeTimeout(Route route) {
        Object value = route.getMetadata().get(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR);
        return Duration.ofMillis(value instanceof Number n ? n.longValue() : 10_000L);
    }

    private Mono<Void> route(
            ServerWebExchange exchange,
            TieredOperation operation,
            byte[] body,
            Instant deadline,
            boolean retryRoute) {
        TierRouter.Plan plan = router.plan(operation);
        if (plan.attempts().isEmpty()) {
            return Mono.error(noTierAvailable(operation));
        }
        Attempts attempts = new Attempts(operation, plan, body, deadline, retryRoute);
        return tryTier(exchange, attempts, 0);
    }

    /** State of one routed request across its tier attempts. */
    private static final class Attempts {
        final TieredOperation operation;
        final List<Tier> tiers;
        final List<String> notices;
        final byte[] body;
        final Instant deadline;
        final boolean retryRoute;

        /**
         * Refusal of a degraded tier that could not make a needed check. It is returned when no
         * later tier produces a result either.
         */
        PlatformErrorException undecided;

        Attempts(
                TieredOperation operation,
                TierRouter.Plan plan,
                byte[] body,
                Instant deadline,
                boolean retryRoute) {
            this.operation = operation;
            this.tiers = plan.attempts();
            this.notices = new ArrayList<>(plan.notices());
            this.body = body;
            this.deadline = deadline;
            this.retryRoute = retryRoute;
        }
    }

    private Mono<Void> tryTier(ServerWebExchange exchange, Attempts attempts, int index) {
        if (index >= attempts.tiers.size()) {
            return Mono.error(noAnswer(attempts));
        }
        Duration remaining = Duration.between(clock.instant(), attempts.deadline);
        if (remaining.isNegative() || remaining.isZero()) {
            return Mono.error(noAnswer(attempts));
        }
        Tier tier = attempts.tiers.get(index);
        boolean laterTier = index + 1 < attempts.tiers.size();
        // AR-6: leave a third of the remaining deadline for the next tier.
        Duration budget = laterTier ? remaining.multipliedBy(2).dividedBy(3) : remaining;

        return switch (tier) {
            case REMOTE -> tryRemote(exchange, attempts, index, budget);
            case HEURISTIC -> tryHeuristic(exchange, attempts, index);
            case LOCAL -> tryLocal(exchange, attempts, index);
        };
    }

    private Mono<Void> tryRemote(
            ServerWebExchange exchange, Attempts attempts, int index, Duration budget) {
        TieredOperation operation = attempts.operation;
        HttpHeaders headers = forwardHeaders(exchange);
        boolean retryAllowed =
                attempts.retryRoute
                        && (operation.operation().readOnlyHint()
                                || exchange.getRequest()
                                        .getHeaders()
                                        .containsHeader(IDEMPOTENCY_HEADER));
        RemoteTier.Request request =
                new RemoteTier.Request(
                        operation,
                        exchange.getRequest().getURI().getRawQuery(),
                        headers,
                        attempts.body,
                        retryAllowed);
        long started = System.nanoTime();
        return remote.call(request, budget)
                .flatMap(
                        outcome -> {
                            Duration took = Duration.ofNanos(System.nanoTime() - started);
                            switch (outcome.kind()) {
                                case SUCCESS, CALLER_ERROR -> {
                                    statistics.record(operation, Tier.REMOTE, true, took);
                                    count(operation, Tier.REMOTE, "success");
                                    return writeRemote(exchange, outcome.response());
                                }
                                case SHORT_CIRCUITED -> {
                                    attempts.notices.add(TierRouter.REMOTE_CIRCUIT_OPEN);
                                    count(operation, Tier.REMOTE, "short_circuited");
                                }
                                default -> {
                                    statistics.record(operation, Tier.REMOTE, false, took);
                                    attempts.notices.add(TierRouter.REMOTE_FAILED);
                                    count(operation, Tier.REMOTE, "failure");
                                    log.atInfo()
                                            .addKeyValue(
                                                    "correlationId",
                                                    CorrelationIdWebFilter.correlationId(exchange))
                                            .addKeyValue("operation", operation.key())
                                            .addKeyValue("reason", outcome.reason())
                                            .addKeyValue("attempts", outcome.attempts())
                                            .log("Remote tier failed");
                                }
                            }
                            return stepDown(exchange, attempts, index);
                        });
    }

    private Mono<Void> tryLocal(ServerWebExchange exchange, Attempts attempts, int index) {
        TieredOperation operation = attempts.operation;
        UserClaims claims = exchange.getAttribute(ExchangeAttributes.USER_CLAIMS);
        if (claims == null) {
            // A tiered route is never public; without a verified caller no access rule holds.
            return Mono.error(noTierAvailable(operation));
        }
        String correlationId = CorrelationIdWebFilter.correlationId(exchange);
        String justification = exchange.getRequest().getHeaders().getFirst(JUSTIFICATION_HEADER);
        long started = System.nanoTime();

        // The outbox forces its file before the answer exists, which blocks; the event loop must
        // not wait for the disk.
        return Mono.fromCallable(
                        () ->
                                local.answer(
                                        operation,
                                        claims,
                                        correlationId,
                                        justification,
                                        attempts.body))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(
                        result -> {
                            if (flags.isOn(FeatureFlags.STRICT_PRIVACY)) {
                                heuristic.redactEchoedText(result.output());
                            }
                            statistics.record(
                                    operation,
                                    Tier.LOCAL,
                                    true,
                                    Duration.ofNanos(System.nanoTime() - started));
                            count(operation, Tier.LOCAL, "success");
                            breakers.circuit(operation.circuitName()).onFallback();
                            List<String> notices = new ArrayList<>(attempts.notices);
                            notices.addAll(result.notices());
                            logDegradedAnswer(correlationId, operation, Tier.LOCAL, notices);
                            Meta meta =
                                    Meta.degraded(
                                            Tier.LOCAL,
                                            notices,
                                            LocalTier.message(),
                                            correlationId);
                            return writeEnvelope(
                                    exchange,
                                    SuccessEnvelope.of(result.output(), meta),
                                    Tier.LOCAL);
                        })
                .onErrorResume(
                        PlatformErrorException.class,
                        refusal -> {
                            // A refusal is an answer about the request. An unrecordable request
                            // fails here too, because stepping down would leave it unaudited.
                            boolean failed = refusal.getCause() instanceof DegradedOutboxException;
                            count(operation, Tier.LOCAL, failed ? "failure" : "rejected");
                            if (failed) {
                                log.atError()
                                        .addKeyValue("correlationId", correlationId)
                                        .addKeyValue("operation", operation.key())
                                        .setCause(refusal.getCause())
                                        .log("Local tier cannot write the durable outbox");
                            }
                            if (!failed
                                    && isUndecided(refusal)
                                    && index + 1 < attempts.tiers.size()) {
                                attempts.undecided = refusal;
                                return stepDown(exchange, attempts, index);
                            }
                            return Mono.error(withRetryAfter(refusal, operation));
                        })
                .onErrorResume(
                        e -> !(e instanceof PlatformErrorException),
                        e -> {
                            statistics.record(
                                    operation,
                                    Tier.LOCAL,
                                    false,
                                    Duration.ofNanos(System.nanoTime() - started));
                            count(operation, Tier.LOCAL, "failure");
                            attempts.notices.add(LOCAL_FAILED);
                            log.atWarn()
                                    .addKeyValue("correlationId", correlationId)
                                    .addKeyValue("operation", operation.key())
                                    .addKeyValue("error", e.getClass().getSimpleName())
                                    .addKeyValue("reason", e.getMessage())
                                    .log("Local tier failed");
                            return stepDown(exchange, attempts, index);
                        });
    }

    private void logDegradedAnswer(
            String correlationId, TieredOperation operation, Tier tier, List<String> notices) {
        if (flags.isOn(FeatureFlags.LOG_FALLBACK_USAGE)) {
            log.atInfo()
                    .addKeyValue("correlationId", correlationId)
                    .addKeyValue("operation", operation.key())
                    .addKeyValue("tier", tier.wireName())
                    .addKeyValue("notices", notices)
                    .log("Answered with a degraded tier");
        }
    }

    private Mono<Void> tryHeuristic(ServerWebExchange exchange, Attempts attempts, int index) {
        TieredOperation operation = attempts.operation;
        UserClaims claims = exchange.getAttribute(ExchangeAttributes.USER_CLAIMS);
        if (claims == null) {
            // A tiered route is never public; without a verified caller no access rule holds.
            return Mono.error(noTierAvailable(operation));
        }
        String correlationId = CorrelationIdWebFilter.correlationId(exchange);
        long started = System.nanoTime();
        ToolResult result;
        try {
            result =
                    heuristic.answer(
                            operation,
                            claims,
                            correlationId,
                            exchange.getRequest().getHeaders().getFirst(JUSTIFICATION_HEADER),
                            attempts.body,
                            flags.isOn(FeatureFlags.STRICT_PRIVACY));
        } catch (PlatformErrorException refusal) {
            // A refusal is a result about the request, not a failure of the tier. When the tier
            // could not make a check it needs, a later tier may still handle the request.
            count(operation, Tier.HEURISTIC, "rejected");
            if (isUndecided(refusal) && index + 1 < attempts.tiers.size()) {
                attempts.undecided = refusal;
                return stepDown(exchange, attempts, index);
            }
            return Mono.error(withRetryAfter(refusal, operation));
        } catch (RuntimeException e) {
            statistics.record(
                    operation,
                    Tier.HEURISTIC,
                    false,
                    Duration.ofNanos(System.nanoTime() - started));
            count(operation, Tier.HEURISTIC, "failure");
            log.atWarn()
                    .addKeyValue("correlationId", correlationId)
                    .addKeyValue("operation", operation.key())
                    .addKeyValue("error", e.getClass().getSimpleName())
                    .log("Heuristic tier failed");
            return stepDown(exchange, attempts, index);
        }
        statistics.record(
                operation, Tier.HEURISTIC, true, Duration.ofNanos(System.nanoTime() - started));
        count(operation, Tier.HEURISTIC, "success");
        breakers.circuit(operation.circuitName()).onFallback();

        List<String> notices = new ArrayList<>(attempts.notices);
        notices.addAll(result.notices());
        logDegradedAnswer(correlationId, operation, Tier.HEURISTIC, notices);
        Meta meta =
                Meta.degraded(
                        Tier.HEURISTIC,
                        notices,
                        GatewayHeuristicTier.message(operation),
                        correlationId);
        return writeEnvelope(exchange, SuccessEnvelope.of(result.output(), meta), Tier.HEURISTIC);
    }

    private Mono<Void> stepDown(ServerWebExchange exchange, Attempts attempts, int index) {
        if (index + 1 < attempts.tiers.size()) {
            Counter.builder("adaptive_tier_fallback_total")
                    .tag("operation", attempts.operation.key())
                    .tag("from_tier", attempts.tiers.get(index).wireName())
                    .tag("to_tier", attempts.tiers.get(index + 1).wireName())
                    .register(meters)
                    .increment();
        }
        return tryTier(exchange, attempts, index + 1);
    }

    private void count(TieredOperation operation, Tier tier, String outcome) {
        Counter.builder("adaptive_tier_requests_total")
                .tag("operation", operation.key())
                .tag("tier", tier.wireName())
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private HttpHeaders forwardHeaders(ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(exchange.getRequest().getHeaders());
        headers.remove(HttpHeaders.HOST);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        return forwarded.filter(headers, exchange);
    }

    private Mono<Void> writeRemote(ServerWebExchange exchange, RemoteResponse upstream) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(upstream.status()));
        HttpHeaders headers = response.getHeaders();
        upstream.headers()
                .forEach(
                        (name, values) -> {
                            if (!UNCOPIED_RESPONSE_HEADERS.contains(
                                    name.toLowerCase(Locale.ROOT))) {
                                headers.put(name, values);
                            }
                        });
        headers.set(TIER_HEADER, Tier.REMOTE.wireName());
        headers.remove(DEGRADED_HEADER);
        headers.setContentLength(upstream.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(upstream.body())));
    }

    private Mono<Void> writeEnvelope(
            ServerWebExchange exchange, SuccessEnvelope<?> envelope, Tier tier) {
        byte[] json = jsonMapper.writeValueAsBytes(envelope);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(200));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(TIER_HEADER, tier.wireName());
        headers.set(DEGRADED_HEADER, "true");
        headers.setContentLength(json.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }

    /**
     * Checks whether a degraded tier refused because it could not make a check (a consent decision,
     * a directory lookup), which tells nothing about the request itself.
     */
    private static boolean isUndecided(PlatformErrorException refusal) {
        return refusal.code() == ErrorCode.CONSENT_UNAVAILABLE
                || refusal.code() == ErrorCode.NO_TIER_AVAILABLE;
    }

    /** Returns the error when no tier produced a result: an undecided refusal, else AR-12's 503. */
    private PlatformErrorException noAnswer(Attempts attempts) {
        return attempts.undecided != null
                ? withRetryAfter(attempts.undecided, attempts.operation)
                : noTierAvailable(attempts.operation);
    }

    private PlatformErrorException noTierAvailable(TieredOperation operation) {
        return new PlatformErrorException(
                ErrorCode.NO_TIER_AVAILABLE,
                "No provider of this operation can answer right now; try again later.",
                List.of(),
                Map.of(
                        HttpHeaders.RETRY_AFTER,
                        Integer.toString(router.retryAfterSeconds(operation))),
                null);
    }

    /** Gives a 503 refusal the Retry-After of the operation's circuit (AR-12). */
    private PlatformErrorException withRetryAfter(
            PlatformErrorException error, TieredOperation operation) {
        if (!error.code().requiresRetryAfter()
                || error.headers().containsKey(HttpHeaders.RETRY_AFTER)) {
            return error;
        }
        return new PlatformErrorException(
                error.code(),
                error.getMessage(),
                error.details(),
                Map.of(
                        HttpHeaders.RETRY_AFTER,
                        Integer.toString(router.retryAfterSeconds(operation))),
                null);
    }
}
