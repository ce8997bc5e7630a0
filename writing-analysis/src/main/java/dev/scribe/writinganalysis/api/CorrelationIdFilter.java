package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.CorrelationIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a valid inbound {@code X-Correlation-ID} or generates one, echoes it on the response and
 * puts it, with the trace id of a valid {@code traceparent}, into the logging context for the whole
 * request. Runs first, so that every later error response already carries the id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    /** MDC key of the W3C trace id, when the request carries a valid {@code traceparent}. */
    static final String MDC_TRACE_ID = "traceId";

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId =
                CorrelationIds.keepOrGenerate(request.getHeader(CorrelationIds.HEADER));
        request.setAttribute(RequestAttributes.CORRELATION_ID, correlationId);
        response.setHeader(CorrelationIds.HEADER, correlationId);

        MDC.put(RequestAttributes.MDC_CORRELATION_ID, correlationId);
        String traceId = TraceParents.traceId(request.getHeader(TraceParents.HEADER));
        if (traceId != null) {
            MDC.put(MDC_TRACE_ID, traceId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestAttributes.MDC_CORRELATION_ID);
            MDC.remove(MDC_TRACE_ID);
        }
    }
}
