package dev.scribe.gateway.api;

import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.gateway.domain.RouteAccess;
import dev.scribe.gateway.service.AdminAudit;
import dev.scribe.gateway.service.CircuitBreakers;
import dev.scribe.gateway.service.CircuitBreakers.Circuit;
import dev.scribe.gateway.service.EdgeAuthenticator;
import dev.scribe.gateway.service.FeatureFlags;
import dev.scribe.gateway.service.TierRouter;
import dev.scribe.gateway.service.TierStatistics;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.platform.web.ErrorBody;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administrator endpoints of breakers, flags and router windows on the management port (GW-16,
 * CB-11, AR-7, AR-9, AR-10). Every call needs an ADMINISTRATOR access token; every change needs
 * {@code X-Admin-Reason} and is audited before the answer. Errors use the platform error body,
 * written here because the management port has its own error handling.
 */
public class AdminHandler {

    public static final String REASON_HEADER = "X-Admin-Reason";

    private static final RouteAccess ADMINISTRATORS = RouteAccess.parse("role:ADMINISTRATOR");

    private final EdgeAuthenticator authenticator;
    private final CircuitBreakers breakers;
    private final FeatureFlags flags;
    private final TierStatistics statistics;
    private final TierRouter router;
    private final AdminAudit audit;
    private final JsonMapper jsonMapper;

    public AdminHandler(
            EdgeAuthenticator authenticator,
            CircuitBreakers breakers,
            FeatureFlags flags,
            TierStatistics statistics,
            TierRouter router,
            AdminAudit audit,
            JsonMapper jsonMapper) {
        this.authenticator = authenticator;
        this.breakers = breakers;
        this.flags = flags;
        this.statistics = statistics;
        this.router = router;
        this.audit = audit;
        this.jsonMapper = jsonMapper;
    }

    public Mono<ServerResponse> listCircuits(ServerRequest request) {
        return asAdministrator(
                request,
                (claims, correlationId) -> {
                    List<Map<String, Object>> circuits = new ArrayList<>();
                    for (Circuit circuit : breakers.all()) {
                        circuits.add(describe(circuit));
                    }
                    return ok(correlationId, Map.of("circuits", circuits));
                });
    }

    public Mono<ServerResponse> changeCircuit(ServerRequest request) {
        String name = request.pathVariable("name");
        String action = request.pathVariable("action");
        return asAdministrator(
                request,
                (claims, correlationId) -> {
                    String reason = requireReason(request);
                    Optional<Circuit> found = breakers.find(name);
                    if (found.isEmpty()) {
                        throw new PlatformErrorException(
                                ErrorCode.NOT_FOUND, "No circuit has this name.");
                    }
                    Circuit circuit = found.get();
                    switch (action) {
                        case "reset" -> circuit.reset();
                        case "force-open" -> circuit.forceOpen();
                        case "disable" -> circuit.disable();
                        default ->
                                throw invalid(
                                        "action",
                                        "must be reset, force-open or disable, got '"
                                                + action
                                                + "'");
                    }
                    audit.record(
                            claims.subject(),
                            "circuit." + action,
                            name,
                            reason.length(),
                            correlationId,
                            Map.of("state", circuit.state().name()));
                    return ok(correlationId, describe(circuit));
                });
    }

    public Mono<ServerResponse> listFlags(ServerRequest request) {
        return asAdministrator(
                request,
                (claims, correlationId) -> ok(correlationId, Map.of("flags", flags.all())));
    }

    /**
     * {@code GET /internal/flags}: the read-only flag view for services (AR-9), which cache it for
     * at most 10 s. It needs no token, like the actuator endpoints: the management port is
     * reachable only inside the cluster, and flag values are not personal or secret.
     */
    public Mono<ServerResponse> internalFlags(ServerRequest request) {
        String correlationId =
                CorrelationIds.keepOrGenerate(request.headers().firstHeader(CorrelationIds.HEADER));
        return ok(correlationId, Map.of("flags", flags.all()));
    }

    /** {@code PUT /admin/flags} with body {@code {"flags": {"<name>": true|false, ...}}}. */
    public Mono<ServerResponse> updateFlags(ServerRequest request) {
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .flatMap(
                        body ->
                                asAdministrator(
                                        request,
                                        (claims, correlationId) -> {
                                            String reason = requireReason(request);
                                            Map<String, Boolean> requested = parseFlags(body);
                                            Map<String, Boolean> changed = flags.set(requested);
                                            audit.record(
                                                    claims.subject(),
                                                    "flags.update",
                                                    "flags",
                                                    reason.length(),
                                                    correlationId,
                                                    changed);
                                            router.refresh();
                                            return ok(
                                                    correlationId,
                                                    Map.of(
                                                            "flags",
                                                            flags.all(),
                                                            "changed",
                                                            changed));
                                        }));
    }

    public Mono<ServerResponse> applyPreset(ServerRequest request) {
        String name = request.pathVariable("name");
        return asAdministrator(
                request,
                (claims, correlationId) -> {
                    String reason = requireReason(request);
                    Map<String, Boolean> bundle =
                            FeatureFlags.preset(name)
                                    .orElseThrow(
                                            () ->
                                                    new PlatformErrorException(
                                                            ErrorCode.NOT_FOUND,
                                                            "No preset has this name."));
                    Map<String, Boolean> changed = flags.set(bundle);
                    audit.record(
                            claims.subject(),
                            "flags.preset",
                            name,
                            reason.length(),
                            correlationId,
                            changed);
                    return ok(correlationId, Map.of("flags", flags.all(), "changed", changed));
                });
    }

    public Mono<ServerResponse> resetAdaptiveMetrics(ServerRequest request) {
        return asAdministrator(
                request,
                (claims, correlationId) -> {
                    String reason = requireReason(request);
                    statistics.clear();
                    router.refresh();
                    audit.record(
                            claims.subject(),
                            "adaptive.reset-metrics",
                            "windows",
                            reason.length(),
                            correlationId,
                            Map.of());
                    return ok(correlationId, Map.of("reset", true));
                });
    }

    private Map<String, Boolean> parseFlags(byte[] body) {
        JsonNode root;
        try {
            root = jsonMapper.readTree(body);
        } catch (JacksonException e) {
            throw invalid("body", "must be a JSON object {\"flags\": {\"<name>\": boolean}}");
        }
        JsonNode values = root == null ? null : root.get("flags");
        if (values == null || !values.isObject() || values.isEmpty()) {
            throw invalid("flags", "must be a non-empty object of flag names to booleans");
        }
        Map<String, Boolean> requested = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : values.properties()) {
            String name = entry.getKey();
            if (!FeatureFlags.isKnown(name)) {
                throw invalid("flags." + name, "is not a known flag");
            }
            if (!entry.getValue().isBoolean()) {
                throw invalid("flags." + name, "must be true or false");
            }
            requested.put(name, entry.getValue().booleanValue());
        }
        return requested;
    }

    private static Map<String, Object> describe(Circuit circuit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", circuit.name());
        out.put("state", circuit.state().name());
        out.put("openedAt", iso(circuit.openedAt()));
        out.put("nextAttemptAt", iso(circuit.nextAttemptAt()));
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("calls", circuit.windowCalls());
        window.put("failures", circuit.windowFailures());
        float rate = circuit.windowFailureRate();
        window.put("failureRate", rate < 0 ? null : rate / 100.0);
        window.put("slowCalls", circuit.windowSlowCalls());
        out.put("window", window);
        out.put("consecutiveFailures", circuit.consecutiveFailures());
        out.put("halfOpenSuccesses", circuit.halfOpenSuccesses());
        out.put("totalCalls", circuit.totalCalls());
        out.put("totalFailures", circuit.totalFailures());
        out.put("totalShortCircuited", circuit.totalShortCircuited());
        out.put("totalFallbacks", circuit.totalFallbacks());
        out.put("configuration", circuit.settings());
        return out;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String requireReason(ServerRequest request) {
        String reason = request.headers().firstHeader(REASON_HEADER);
        if (reason == null || reason.isBlank()) {
            throw invalid(REASON_HEADER, "is required for every change");
        }
        return reason.strip();
    }

    private static PlatformErrorException invalid(String field, String problem) {
        return new PlatformErrorException(
                ErrorCode.INVALID_ARGUMENT,
                "The request is invalid: see the details.",
                List.of(new ErrorDetail(field, problem)),
                Map.of(),
                null);
    }

    @FunctionalInterface
    private interface AdminAction {
        Mono<ServerResponse> run(UserClaims claims, String correlationId);
    }

    private Mono<ServerResponse> asAdministrator(ServerRequest request, AdminAction action) {
        String correlationId =
                CorrelationIds.keepOrGenerate(request.headers().firstHeader(CorrelationIds.HEADER));
        return authenticator
                .authenticate(
                        request.headers().header(HttpHeaders.AUTHORIZATION),
                        ADMINISTRATORS,
                        correlationId)
                .flatMap(claims -> Mono.defer(() -> action.run(claims, correlationId)))
                .onErrorResume(PlatformErrorException.class, e -> error(correlationId, e));
    }

    private Mono<ServerResponse> ok(String correlationId, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", data);
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(CorrelationIds.HEADER, correlationId)
                .bodyValue(jsonMapper.writeValueAsBytes(body));
    }

    private Mono<ServerResponse> error(String correlationId, PlatformErrorException e) {
        ErrorBody body = ErrorBody.of(e.code(), e.getMessage(), correlationId, e.details());
        ServerResponse.BodyBuilder builder =
                ServerResponse.status(HttpStatusCode.valueOf(e.code().httpStatus()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(CorrelationIds.HEADER, correlationId);
        e.headers().forEach(builder::header);
        return builder.bodyValue(jsonMapper.writeValueAsBytes(body));
    }
}
