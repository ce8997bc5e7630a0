package dev.scribe.gateway.service;

import dev.scribe.gateway.config.GatewayProperties;
import dev.scribe.gateway.config.GatewayProperties.RouteProperties;
import dev.scribe.gateway.domain.QueueablePattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The {@code queueable} patterns of the route table, looked up by route id. */
@Service
public class QueueableRoutes {

    /** A request that matched a queueable pattern of its route. */
    public record Match(String routeId, String service, long timeoutMs, String resourcePath) {}

    private record QueueableRoute(
            String service, long timeoutMs, List<QueueablePattern> patterns) {}

    private final Map<String, QueueableRoute> routes = new HashMap<>();

    public QueueableRoutes(GatewayProperties properties) {
        for (RouteProperties route : properties.routes()) {
            if (route.queueable().isEmpty()) {
                continue;
            }
            List<QueueablePattern> patterns = new ArrayList<>();
            route.queueable().forEach(text -> patterns.add(QueueablePattern.parse(text)));
            routes.put(
                    route.id(), new QueueableRoute(route.service(), route.timeoutMs(), patterns));
        }
    }

    /**
     * Returns the match of a request on route {@code routeId}, or empty when it is not queueable.
     */
    public Optional<Match> match(String routeId, String method, String path) {
        QueueableRoute route = routes.get(routeId);
        if (route == null) {
            return Optional.empty();
        }
        List<String> segments =
                path.length() > 1 ? Arrays.asList(path.substring(1).split("/", -1)) : List.of();
        for (QueueablePattern pattern : route.patterns()) {
            String resourcePath = pattern.resourcePath(method, segments);
            if (resourcePath != null) {
                return Optional.of(
                        new Match(routeId, route.service(), route.timeoutMs(), resourcePath));
            }
        }
        return Optional.empty();
    }

    /** Returns the response timeout of the route in milliseconds, used for its replays. */
    public long timeoutMs(String routeId, long fallbackMs) {
        QueueableRoute route = routes.get(routeId);
        return route == null ? fallbackMs : route.timeoutMs();
    }

    /** Services that own at least one queueable route. */
    public List<String> services() {
        return routes.values().stream().map(QueueableRoute::service).distinct().toList();
    }
}
