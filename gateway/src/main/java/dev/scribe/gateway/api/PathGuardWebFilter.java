package dev.scribe.gateway.api;

import dev.scribe.gateway.config.GatewayProperties;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps internal surfaces off the public port: paths under {@code /internal/}, {@code /admin/},
 * {@code /actuator/} and {@code /mcp} get 404 {@code ROUTE_NOT_FOUND} whatever the route table
 * contains. The one exception is {@code /mcp/<service>} exactly, for a service whose route entry
 * has {@code mcp: true}. Paths with dot segments ({@code ..}, also encoded or with {@code ;}
 * parameters) or encoded slashes get 400, because an upstream server would normalise them into
 * another path than the one the route matched.
 *
 * <p>Order: after the correlation id and the response sanitiser, before routing, so that no route
 * can ever match these paths.
 *
 * <p>Spring Boot also applies this context's web filters to the management port, whose actuator
 * paths must stay reachable, so the filter acts only on exchanges of the public port's context.
 */
@Component
public class PathGuardWebFilter implements WebFilter, Ordered {

    public static final int ORDER = ResponseHeaderSanitisingWebFilter.ORDER + 2;

    private static final Set<String> BLOCKED_FIRST_SEGMENTS =
            Set.of("internal", "admin", "actuator", "mcp");

    private static final List<String> ENCODED_SEPARATORS = List.of("%2f", "%5c", "%00");

    private static final String MCP_SEGMENT = "mcp";

    private final ApplicationContext publicContext;
    private final Set<String> mcpServices;

    public PathGuardWebFilter(ApplicationContext publicContext, GatewayProperties properties) {
        this.publicContext = publicContext;
        this.mcpServices = Set.copyOf(properties.mcpServices());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getApplicationContext() != publicContext) {
            return chain.filter(exchange);
        }

        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();

        if (hasAmbiguousSegment(path)) {
            return Mono.error(
                    new PlatformErrorException(
                            ErrorCode.INVALID_ARGUMENT,
                            "The request path is invalid: remove dot segments and encoded"
                                    + " slashes.",
                            List.of(
                                    new ErrorDetail(
                                            "path",
                                            "contains a dot segment or an encoded separator")),
                            Map.of(),
                            null));
        }
        if (isBlocked(path)) {
            return Mono.error(
                    new PlatformErrorException(
                            ErrorCode.ROUTE_NOT_FOUND, "No route serves this path."));
        }
        return chain.filter(exchange);
    }

    private static boolean hasAmbiguousSegment(PathContainer path) {
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String decoded = segment.valueToMatch();
                if (decoded.equals(".") || decoded.equals("..")) {
                    return true;
                }
                String raw = segment.value().toLowerCase(Locale.ROOT);
                if (ENCODED_SEPARATORS.stream().anyMatch(raw::contains)
                        || decoded.contains("/")
                        || decoded.contains("\\")) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isBlocked(PathContainer path) {
        List<String> segments = new ArrayList<>();
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                segments.add(segment.valueToMatch());
            }
        }
        if (segments.isEmpty()) {
            return false;
        }

        // Only the first segment decides. It is compared decoded and in lower case, so /%61dmin/
        // and /Admin/ count as /admin/.
        String first = segments.get(0).toLowerCase(Locale.ROOT);
        if (!BLOCKED_FIRST_SEGMENTS.contains(first)) {
            return false;
        }
        return !isPublicMcpEndpoint(path, segments);
    }

    /**
     * Checks for {@code /mcp/<service>} exactly, in the raw form that the MCP route matches: no
     * trailing slash, no encoded characters, and a service with {@code mcp: true}.
     */
    private boolean isPublicMcpEndpoint(PathContainer path, List<String> segments) {
        return segments.size() == 2
                && path.value().equals("/" + MCP_SEGMENT + "/" + segments.get(1))
                && mcpServices.contains(segments.get(1));
    }
}
