package dev.scribe.gateway.api;

import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.domain.QueuedRequest;
import dev.scribe.gateway.domain.QueuedRequestStatus;
import dev.scribe.gateway.domain.QueuedRequestView;
import dev.scribe.gateway.domain.RouteAccess;
import dev.scribe.gateway.service.EdgeAuthenticator;
import dev.scribe.gateway.service.WriteQueue;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.ErrorBody;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.platform.web.Meta;
import dev.scribe.platform.web.SuccessEnvelope;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Administration of the write queue on the management port, for ADMINISTRATOR tokens only: {@code
 * GET /admin/queue}, {@code POST /admin/queue/{id}/retry} and {@code POST
 * /admin/queue/{id}/discard}. Both POSTs need the reason in {@code X-Admin-Reason} and are recorded
 * in {@code queue_admin_action} in the same transaction as the change.
 *
 * <p>The management port has no platform error handler of its own, so this handler writes its error
 * bodies itself.
 */
public class QueueAdminHandler {

    public static final String REASON_HEADER = "X-Admin-Reason";

    static final int MAX_REASON_LENGTH = 1000;

    private static final RouteAccess ADMINISTRATORS = RouteAccess.parse("role:ADMINISTRATOR");

    private static final Logger log = LoggerFactory.getLogger(QueueAdminHandler.class);

    private final EdgeAuthenticator authenticator;
    private final WriteQueue writeQueue;
    private final int retryAfterSeconds;

    public QueueAdminHandler(
            EdgeAuthenticator authenticator, WriteQueue writeQueue, int retryAfterSeconds) {
        this.authenticator = authenticator;
        this.writeQueue = writeQueue;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Mono<ServerResponse> list(ServerRequest request) {
        String correlationId = correlationId(request);
        return authenticate(request, correlationId)
                .flatMap(
                        admin -> {
                            QueuedRequestStatus status = statusParameter(request);
                            int limit = limitParameter(request);
                            return Mono.fromCallable(() -> writeQueue.listAll(status, limit))
                                    .subscribeOn(Schedulers.boundedElastic());
                        })
                .flatMap(
                        entries ->
                                ok(
                                        Map.of(
                                                "items",
                                                entries.stream()
                                                        .map(QueuedRequestView::of)
                                                        .toList()),
                                        correlationId))
                .onErrorResume(error -> error(error, correlationId));
    }

    public Mono<ServerResponse> retry(ServerRequest request) {
        return change(
                request,
                (admin, change) ->
                        writeQueue.retry(
                                change.id(),
                                admin.subject(),
                                change.reason(),
                                change.correlationId()));
    }

    public Mono<ServerResponse> discard(ServerRequest request) {
        return change(
                request,
                (admin, change) ->
                        writeQueue.discard(
                                change.id(),
                                admin.subject(),
                                change.reason(),
                                change.correlationId()));
    }

    private record Change(UUID id, String reason, String correlationId) {}

    private interface ChangeAction {
        QueuedRequest apply(UserClaims admin, Change change);
    }

    private Mono<ServerResponse> change(ServerRequest request, ChangeAction action) {
        String correlationId = correlationId(request);
        return authenticate(request, correlationId)
                .flatMap(
                        admin -> {
                            Change change =
                                    new Change(idOf(request), reasonOf(request), correlationId);
                            return Mono.fromCallable(() -> action.apply(admin, change))
                                    .subscribeOn(Schedulers.boundedElastic());
                        })
                .flatMap(entry -> ok(QueuedRequestView.of(entry), correlationId))
                .onErrorResume(error -> error(error, correlationId));
    }

    private Mono<UserClaims> authenticate(ServerRequest request, String correlationId) {
        return authenticator.authenticate(
                request.headers().header(HttpHeaders.AUTHORIZATION), ADMINISTRATORS, correlationId);
    }

    private static UUID idOf(ServerRequest request) {
        try {
            return UUID.fromString(request.pathVariable("id"));
        } catch (IllegalArgumentException e) {
            throw invalid("id", "must be a UUID");
        }
    }

    private static String reasonOf(ServerRequest request) {
        String reason = request.headers().firstHeader(REASON_HEADER);
        if (reason == null || reason.isBlank()) {
            throw invalid(REASON_HEADER, "is required: state why the entry is changed");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw invalid(
                    REASON_HEADER,
                    "must be at most " + MAX_REASON_LENGTH + " characters, got " + reason.length());
        }
        return reason.strip();
    }

    private static QueuedRequestStatus statusParameter(ServerRequest request) {
        return request.queryParam("status")
                .map(
                        value -> {
                            try {
                                return QueuedRequestStatus.valueOf(value.toUpperCase(Locale.ROOT));
                            } catch (IllegalArgumentException e) {
                                throw invalid(
                                        "status",
                                        "must be one of "
                                                + List.of(QueuedRequestStatus.values())
                                                + ", got '"
                                                + value
                                                + "'");
                            }
                        })
                .orElse(null);
    }

    private static int limitParameter(ServerRequest request) {
        String value = request.queryParam("limit").orElse("100");
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw invalid("limit", "must be an integer from 1 to 1000, got '" + value + "'");
    }

    private static PlatformErrorException invalid(String field, String problem) {
        return new PlatformErrorException(
                ErrorCode.INVALID_ARGUMENT,
                "The " + field + " value is invalid.",
                List.of(new ErrorDetail(field, problem)),
                Map.of(),
                null);
    }

    private static Mono<ServerResponse> ok(Object data, String correlationId) {
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SuccessEnvelope.of(data, Meta.remote(List.of(), correlationId)));
    }

    private Mono<ServerResponse> error(Throwable error, String correlationId) {
        PlatformErrorException platformError =
                error instanceof PlatformErrorException known
                        ? known
                        : internal(error, correlationId);
        ErrorCode code = platformError.code();
        ServerResponse.BodyBuilder response =
                ServerResponse.status(HttpStatusCode.valueOf(code.httpStatus()))
                        .contentType(MediaType.APPLICATION_JSON);
        platformError.headers().forEach(response::header);
        if (code.requiresRetryAfter()) {
            response.header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        }
        return response.bodyValue(
                ErrorBody.of(
                        code, platformError.getMessage(), correlationId, platformError.details()));
    }

    private static PlatformErrorException internal(Throwable error, String correlationId) {
        log.atError()
                .addKeyValue("correlationId", correlationId)
                .setCause(error)
                .log("Queue administration request failed");
        return new PlatformErrorException(
                ErrorCode.INTERNAL,
                "The gateway failed to handle the request; retry later.",
                List.of(),
                Map.of(),
                error);
    }

    private static String correlationId(ServerRequest request) {
        return CorrelationIdWebFilter.correlationId(request.exchange());
    }
}
