package dev.scribe.writinganalysis.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records the platform's HTTP server metrics: {@code http_requests_total} by method, route and
 * status, and the {@code http_request_duration_seconds} histogram (0.005 to 10 s) by method and
 * route. The route is the matched route template, never the raw path, so that ids in paths cannot
 * become label values; requests rejected before routing count under {@code UNMATCHED}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class HttpMetricsFilter extends OncePerRequestFilter {

    static final String UNMATCHED = "UNMATCHED";

    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final MeterRegistry meters;

    public HttpMetricsFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = Routes.pathOf(request);
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start(meters);
        try {
            chain.doFilter(request, response);
        } finally {
            String method = boundedMethod(request.getMethod());
            String route = route(request);
            sample.stop(
                    Timer.builder("http_request_duration")
                            .description("Duration of HTTP requests served by this instance")
                            .tag("method", method)
                            .tag("route", route)
                            .serviceLevelObjectives(BUCKETS)
                            .register(meters));
            Counter.builder("http_requests")
                    .description("HTTP requests served by this instance")
                    .tag("method", method)
                    .tag("route", route)
                    .tag("status", Integer.toString(response.getStatus()))
                    .register(meters)
                    .increment();
        }
    }

    private static String route(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern instanceof String template && !template.equals("/**")) {
            return template;
        }
        return UNMATCHED;
    }

    /** Keeps the label set closed: an unusual method counts as {@code OTHER}. */
    private static String boundedMethod(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        return KNOWN_METHODS.contains(upper) ? upper : "OTHER";
    }
}
