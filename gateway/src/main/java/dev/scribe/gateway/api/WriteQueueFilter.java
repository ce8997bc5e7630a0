package dev.scribe.gateway.api;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.scribe.gateway.client.ConnectFailureRetryFilter;
import dev.scribe.gateway.config.GatewayProperties;
import dev.scribe.gateway.domain.ExchangeAttributes;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.domain.QueuedRequest;
import dev.scribe.gateway.domain.QueuedRequestView;
import dev.scribe.gateway.service.QueueableRoutes;
import dev.scribe.gateway.service.ServiceCircuits;
import dev.scribe.gateway.service.WriteQueue;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.platform.web.Meta;
import dev.scribe.platform.web.SuccessEnvelope;
import dev.scribe.platform.web.Tier;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a write that matches its route's {@code queueable} patterns when the owning service is
 * unavailable before the request is sent, and answers 202 once the entry is committed. Triggers:
 *
 * <ul>
 *   <li>the service circuit is OPEN or FORCED_OPEN (checked before forwarding);
 *   <li>an earlier write to the same resource of the same user still waits in the queue, so that
 *       writes keep their order;
 *   <li>no instance is selectable, or every attempt failed to connect (after the connect retries).
 * </ul>
 *
 * <p>A request that reached an instance and then failed or timed out is never queued, because the
 * service may have applied it: the client gets 502 or 504 and retries with the same {@code
 * Idempotency-Key}. The filter generates that key when the client sent none, forwards it and
 * returns it in the response header.
 *
 * <p>The body is read into memory (at most the gateway's body limit) so it can be both forwarded
 * and stored.
 *
 * <p>Order: after error mapping and header sanitising, just before the connect retries, so it sees
 * the final connect failure and the sanitised headers.
 */
@Component
public class WriteQueueFilter implements GlobalFilter, Ordered {

    public static final int ORDER = ConnectFailureRetryFilter.ORDER - 1;

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public static final String QUEUED_NOTICE = "QUEUED";

    static final String QUEUED_MESSAGE =
            "The service is unavailable. Your change is saved and will be applied when the service"
                    + " is back.";

    /** Same rule as the services: 1 to 255 visible ASCII characters. */
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private static final Logger log = LoggerFactory.getLogger(WriteQueueFilter.class);

    private enum Trigger {
        CIRCUIT_OPEN,
        EARLIER_WRITE_QUEUED,
        UNAVAILABLE
    }

    private final QueueableRoutes queueableRoutes;
    private final WriteQueue writeQueue;
    private final ServiceCircuits circuits;
    private final JsonMapper jsonMapper;
    private final int bodyLimitBytes;

    public WriteQueueFilter(
            QueueableRoutes queueableRoutes,
            WriteQueue writeQueue,
            ServiceCircuits circuits,
            JsonMapper jsonMapper,
            GatewayProperties gatewayProperties) {
        this.queueableRoutes = queueableRoutes;
        this.writeQueue = writeQueue;
        this.circuits = circuits;
        this.jsonMapper = jsonMapper;
        this.bodyLimitBytes = (int) Math.min(Integer.MAX_VALUE, gatewayProperties.bodyLimitBytes());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        UserClaims caller = exchange.getAttribute(ExchangeAttributes.USER_CLAIMS);
        ServerHttpRequest request = exchange.getRequest();
        if (route == null || caller == null) {
            return chain.filter(exchange);
        }
        Optional<QueueableRoutes.Match> match =
                queueableRoutes.match(
                        route.getId(), request.getMethod().name(), request.getPath().value());
        if (match.isEmpty()) {
            return chain.filter(exchange);
        }

        String idempotencyKey = idempotencyKeyOf(request);
        exchange.getResponse()
                .beforeCommit(
                        () -> {
                            exchange.getResponse()
                                    .getHeaders()
                                    .set(IDEMPOTENCY_KEY, idempotencyKey);
                            return Mono.empty();
                        });

        return DataBufferUtils.join(request.getBody(), bodyLimitBytes)
                .map(WriteQueueFilter::toBytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(
                        body ->
                                forwardOrQueue(
                                        exchange,
                                        chain,
                                        match.get(),
                                        caller,
                                        idempotencyKey,
                                        body));
    }

    private Mono<Void> forwardOrQueue(
            ServerWebExchange exchange,
            GatewayFilterChain chain,
            QueueableRoutes.Match match,
            UserClaims caller,
            String idempotencyKey,
            byte[] body) {
        ServerWebExchange forwarded =
                exchange.mutate()
                        .request(new CachedBodyRequest(exchange, idempotencyKey, body))
                        .build();
        WriteQueue.Submission submission =
                submission(forwarded, match, caller, idempotencyKey, body);

        return Mono.fromCallable(() -> triggerBeforeSending(match, caller))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(
                        trigger ->
                                trigger.isPresent()
                                        ? queue(exchange, submission, trigger.get())
                                        : forward(exchange, forwarded, chain, submission));
    }

    private Mono<Void> forward(
            ServerWebExchange exchange,
            ServerWebExchange forwarded,
            GatewayFilterChain chain,
            WriteQueue.Submission submission) {
        return chain.filter(forwarded)
                .onErrorResume(
                        error ->
                                isUnavailableBeforeSending(error)
                                        && !exchange.getResponse().isCommitted(),
                        error -> queue(exchange, submission, Trigger.UNAVAILABLE));
    }

    /** Returns the reason to queue without trying the service, or empty to forward. */
    private Optional<Trigger> triggerBeforeSending(QueueableRoutes.Match match, UserClaims caller) {
        if (circuits.isOpen(match.service())) {
            return Optional.of(Trigger.CIRCUIT_OPEN);
        }
        try {
            if (writeQueue.hasPendingBefore(caller, match)) {
                return Optional.of(Trigger.EARLIER_WRITE_QUEUED);
            }
        } catch (DataAccessException e) {
            // A failed queue store must not block writes that the service can take directly.
            log.atWarn()
                    .addKeyValue("route", match.routeId())
                    .setCause(e)
                    .log("Failed to check the queue for earlier writes; forwarding the request");
        }
        return Optional.empty();
    }

    private Mono<Void> queue(
            ServerWebExchange exchange, WriteQueue.Submission submission, Trigger trigger) {
        log.atInfo()
                .addKeyValue("correlationId", submission.correlationId())
                .addKeyValue("route", submission.route().routeId())
                .addKeyValue("trigger", trigger)
                .log("Queueing a write instead of forwarding it");
        return Mono.fromCallable(() -> writeQueue.accept(submission))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(entry -> writeAccepted(exchange, entry));
    }

    private Mono<Void> writeAccepted(ServerWebExchange exchange, QueuedRequest entry) {
        String correlationId = CorrelationIdWebFilter.correlationId(exchange);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queued", true);
        data.put("requestId", entry.id());
        data.put("idempotencyKey", entry.idempotencyKey());
        data.put("acceptedAt", QueuedRequestView.format(entry.acceptedAt()));
        data.put("status", entry.status().name());
        SuccessEnvelope<Map<String, Object>> envelope =
                SuccessEnvelope.of(
                        data,
                        Meta.degraded(
                                Tier.LOCAL, List.of(QUEUED_NOTICE), QUEUED_MESSAGE, correlationId));
        byte[] json = jsonMapper.writeValueAsBytes(envelope);

        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.ACCEPTED);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(json.length);
        headers.set(HttpHeaders.LOCATION, "/api/queued-requests/" + entry.id());
        headers.set("X-Queued", "true");
        headers.set("X-Service-Tier", Tier.LOCAL.wireName());
        headers.set("X-Degraded", "true");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }

    /**
     * Checks whether the request failed before it reached an instance: no instance, a failed
     * connection on every attempt, or a circuit that rejected the call.
     */
    static boolean isUnavailableBeforeSending(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof NotFoundException
                    || current instanceof ConnectException
                    || current instanceof CallNotPermittedException) {
                return true;
            }
            if (current instanceof PlatformErrorException platformError
                    && platformError.code() == ErrorCode.CIRCUIT_OPEN) {
                return true;
            }
            if (current.getCause() == current) {
                return false;
            }
        }
        return false;
    }

    private static String idempotencyKeyOf(ServerHttpRequest request) {
        List<String> values = request.getHeaders().get(IDEMPOTENCY_KEY);
        if (values == null || values.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        if (values.size() > 1 || !VALID_KEY.matcher(values.get(0)).matches()) {
            throw new PlatformErrorException(
                    ErrorCode.INVALID_ARGUMENT,
                    "The Idempotency-Key header is invalid: send one value of 1 to 255 visible"
                            + " ASCII characters, or none to let the gateway generate one.",
                    List.of(
                            new ErrorDetail(
                                    IDEMPOTENCY_KEY,
                                    "must be one value of 1 to 255 visible ASCII characters"
                                            + " (got "
                                            + values.size()
                                            + " value(s), first of length "
                                            + values.get(0).length()
                                            + ")")),
                    Map.of(),
                    null);
        }
        return values.get(0);
    }

    private static WriteQueue.Submission submission(
            ServerWebExchange exchange,
            QueueableRoutes.Match match,
            UserClaims caller,
            String idempotencyKey,
            byte[] body) {
        ServerHttpRequest request = exchange.getRequest();
        String rawQuery = request.getURI().getRawQuery();
        String pathAndQuery = request.getPath().value() + (rawQuery == null ? "" : "?" + rawQuery);
        MediaType contentType = request.getHeaders().getContentType();
        return new WriteQueue.Submission(
                match,
                request.getMethod().name(),
                pathAndQuery,
                contentType == null ? null : contentType.toString(),
                idempotencyKey,
                CorrelationIdWebFilter.correlationId(exchange),
                request.getHeaders().getFirst("traceparent"),
                body,
                caller);
    }

    private static byte[] toBytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /**
     * The forwarded request: the body from memory (fresh buffers on every attempt, so connect
     * retries can resend it) and the idempotency key set.
     */
    private static final class CachedBodyRequest extends ServerHttpRequestDecorator {

        private final ServerWebExchange exchange;
        private final HttpHeaders headers;
        private final byte[] body;

        CachedBodyRequest(ServerWebExchange exchange, String idempotencyKey, byte[] body) {
            super(exchange.getRequest());
            this.exchange = exchange;
            this.body = body;
            HttpHeaders copy = new HttpHeaders();
            copy.putAll(exchange.getRequest().getHeaders());
            copy.set(IDEMPOTENCY_KEY, idempotencyKey);
            this.headers = HttpHeaders.readOnlyHttpHeaders(copy);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(
                    () ->
                            body.length == 0
                                    ? Flux.empty()
                                    : Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
        }
    }
}
