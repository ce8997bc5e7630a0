package dev.scribe.gateway.api;

import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.domain.QueuedRequestView;
import dev.scribe.gateway.domain.RouteAccess;
import dev.scribe.gateway.service.EdgeAuthenticator;
import dev.scribe.gateway.service.WriteQueue;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.platform.web.Meta;
import dev.scribe.platform.web.SuccessEnvelope;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The caller's own queued writes, served by the gateway itself: {@code GET /api/queued-requests}
 * (newest first) and {@code GET /api/queued-requests/{id}}. Entries of other users are reported as
 * not found, so their ids reveal nothing.
 */
@RestController
@RequestMapping("/api/queued-requests")
public class QueuedRequestController {

    static final int MAX_LIMIT = 200;

    private static final RouteAccess ANY_USER = RouteAccess.parse("user");

    private final EdgeAuthenticator authenticator;
    private final WriteQueue writeQueue;

    public QueuedRequestController(EdgeAuthenticator authenticator, WriteQueue writeQueue) {
        this.authenticator = authenticator;
        this.writeQueue = writeQueue;
    }

    @GetMapping
    public Mono<SuccessEnvelope<Map<String, Object>>> list(
            ServerWebExchange exchange, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(
                    invalid("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit));
        }
        String correlationId = CorrelationIdWebFilter.correlationId(exchange);
        return authenticate(exchange)
                .flatMap(
                        caller ->
                                Mono.fromCallable(() -> writeQueue.listOwn(caller.subject(), limit))
                                        .subscribeOn(Schedulers.boundedElastic()))
                .map(
                        entries ->
                                SuccessEnvelope.of(
                                        Map.of(
                                                "items",
                                                entries.stream()
                                                        .map(QueuedRequestView::of)
                                                        .toList()),
                                        Meta.remote(List.of(), correlationId)));
    }

    @GetMapping("/{id}")
    public Mono<SuccessEnvelope<QueuedRequestView>> get(
            ServerWebExchange exchange, @PathVariable String id) {
        UUID entryId;
        try {
            entryId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(invalid("id", "must be a UUID"));
        }
        String correlationId = CorrelationIdWebFilter.correlationId(exchange);
        return authenticate(exchange)
                .flatMap(
                        caller ->
                                Mono.fromCallable(
                                                () ->
                                                        writeQueue
                                                                .findOwn(caller.subject(), entryId)
                                                                .orElseThrow(
                                                                        () ->
                                                                                new PlatformErrorException(
                                                                                        ErrorCode
                                                                                                .NOT_FOUND,
                                                                                        "You have no queued request with this id.")))
                                        .subscribeOn(Schedulers.boundedElastic()))
                .map(
                        entry ->
                                SuccessEnvelope.of(
                                        QueuedRequestView.of(entry),
                                        Meta.remote(List.of(), correlationId)));
    }

    private Mono<UserClaims> authenticate(ServerWebExchange exchange) {
        return authenticator.authenticate(
                exchange.getRequest().getHeaders().get(HttpHeaders.AUTHORIZATION),
                ANY_USER,
                CorrelationIdWebFilter.correlationId(exchange));
    }

    private static PlatformErrorException invalid(String field, String problem) {
        return new PlatformErrorException(
                ErrorCode.INVALID_ARGUMENT,
                "The " + field + " parameter is invalid.",
                List.of(new ErrorDetail(field, problem)),
                Map.of(),
                null);
    }
}
