package dev.scribe.gateway.client;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import dev.scribe.gateway.api.CorrelationIdWebFilter;
import dev.scribe.gateway.api.InboundHeaderSanitisingFilter;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.platform.security.ServiceTokenClient;
import dev.scribe.platform.security.ServiceTokenException;
import dev.scribe.platform.security.ServiceTokens;
import dev.scribe.platform.web.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts the gateway's own service token into the {@code Authorization} header of every forwarded
 * request, on every route: the token's audience is the route's target service, its scope {@code
 * mcp:invoke} for MCP paths ({@code /mcp} and {@code /mcp/...}) and {@code api:invoke} for all
 * others. The user's own token never leaves the gateway; the service learns the user from the
 * assertion that {@link InboundHeaderSanitisingFilter} adds.
 *
 * <p>Tokens come from identity and are reused until 80 % of their lifetime (see {@link
 * ServiceTokenClient}). When identity cannot issue one, the request ends with 503 {@code
 * UNAVAILABLE} and the upstream is not contacted.
 *
 * <p>Order: right after the header sanitising, which removes the inbound {@code Authorization}.
 */
@Component
public class ServiceTokenRelayFilter implements GlobalFilter, Ordered {

    public static final int ORDER = InboundHeaderSanitisingFilter.ORDER + 50;

    /**
     * Route metadata key of the target service id. Routes whose URI is {@code lb://SERVICE} need
     * not set it.
     */
    public static final String SERVICE_METADATA_KEY = "platform.service";

    private static final Logger log = LoggerFactory.getLogger(ServiceTokenRelayFilter.class);

    private final ServiceTokenClient tokens;
    private final MeterRegistry meters;

    public ServiceTokenRelayFilter(ServiceTokenClient tokens, MeterRegistry meters) {
        this.tokens = tokens;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
        String audience = targetService(route);
        String scope = scopeFor(exchange.getRequest().getURI().getRawPath());

        Optional<String> cached = tokens.cachedToken(audience, scope);
        if (cached.isPresent()) {
            return chain.filter(withToken(exchange, cached.get()));
        }

        String correlationId = CorrelationIdWebFilter.correlationId(exchange);
        // A cache miss calls identity over blocking HTTP, which must not run on an event loop.
        return Mono.fromCallable(() -> fetch(audience, scope, correlationId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(token -> chain.filter(withToken(exchange, token)));
    }

    private String fetch(String audience, String scope, String correlationId) {
        try {
            return tokens.token(audience, scope);
        } catch (ServiceTokenException e) {
            meters.counter("gateway.service_token.failures", "audience", audience).increment();
            // The message names client, audience and failure, never a token or secret.
            log.atWarn()
                    .addKeyValue("correlationId", correlationId)
                    .setCause(e)
                    .log("Could not get a service token for {}: {}", audience, e.getMessage());
            throw new PlatformErrorException(
                    ErrorCode.UNAVAILABLE,
                    "The gateway cannot get a service credential right now; retry later.");
        }
    }

    private static ServerWebExchange withToken(ServerWebExchange exchange, String token) {
        return exchange.mutate()
                .request(
                        exchange.getRequest()
                                .mutate()
                                .headers(
                                        headers ->
                                                headers.set(
                                                        HttpHeaders.AUTHORIZATION,
                                                        "Bearer " + token))
                                .build())
                .build();
    }

    /** Returns the service id from the route metadata, else from an {@code lb://} URI. */
    static String targetService(Route route) {
        Object configured = route.getMetadata().get(SERVICE_METADATA_KEY);
        if (configured instanceof String service && !service.isBlank()) {
            return service;
        }
        URI uri = route.getUri();
        if ("lb".equals(uri.getScheme()) && uri.getHost() != null) {
            return uri.getHost();
        }
        throw new IllegalStateException(
                "Route "
                        + route.getId()
                        + " names no target service: set metadata "
                        + SERVICE_METADATA_KEY
                        + " or use an lb:// URI");
    }

    static String scopeFor(String path) {
        boolean mcp = path.equals("/mcp") || path.startsWith("/mcp/");
        return mcp ? ServiceTokens.SCOPE_MCP_INVOKE : ServiceTokens.SCOPE_API_INVOKE;
    }
}
