package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.ErrorCode;
import dev.scribe.writinganalysis.config.BulkheadProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the API work of this instance: at most {@code maxConcurrent} requests run at once and at
 * most {@code maxWaiting} more wait, each for at most {@code maxWaitMs}. Any other request gets 503
 * {@code SERVICE_BUSY} with {@code Retry-After: 1}, so an overloaded instance sheds load quickly
 * instead of queueing without bound. Health and metrics paths are never limited.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class BulkheadFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BulkheadFilter.class);

    static final String MESSAGE = "The service is busy; retry shortly.";

    private final Semaphore slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final BulkheadProperties properties;
    private final ErrorResponses errors;

    public BulkheadFilter(BulkheadProperties properties, ErrorResponses errors) {
        this.properties = properties;
        this.errors = errors;
        this.slots = new Semaphore(properties.maxConcurrent(), true);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Routes.isOpen(Routes.pathOf(request));
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!acquire()) {
            log.warn(
                    "Bulkhead full: {} running, {} waiting; rejected a request",
                    properties.maxConcurrent(),
                    waiting.get());
            errors.write(request, response, ErrorCode.SERVICE_BUSY, MESSAGE, List.of());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slots.release();
        }
    }

    /** Returns the number of requests waiting for a slot. */
    int waitingCount() {
        return waiting.get();
    }

    /** Takes a slot, waiting if the queue has room; returns false when the request must be shed. */
    private boolean acquire() {
        if (slots.tryAcquire()) {
            return true;
        }
        if (waiting.incrementAndGet() > properties.maxWaiting()) {
            waiting.decrementAndGet();
            return false;
        }
        try {
            return slots.tryAcquire(properties.maxWaitMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.decrementAndGet();
        }
    }
}
