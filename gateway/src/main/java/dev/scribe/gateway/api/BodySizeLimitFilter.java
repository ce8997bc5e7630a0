package dev.scribe.gateway.api;

import dev.scribe.gateway.config.GatewayProperties;
import dev.scribe.gateway.domain.PlatformErrorException;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies above {@code platform.gateway.body-limit-bytes} with 413 {@code
 * PAYLOAD_TOO_LARGE}. A declared {@code Content-Length} above the limit is rejected before the
 * upstream is contacted.
 *
 * <p>NOTE: a chunked body has no declared length, so it is counted while it streams. When it passes
 * the limit the forwarded request is aborted and the client gets 413, but the upstream has already
 * received the first part of the body.
 *
 * <p>Order: after authentication, so anonymous callers only ever learn that they must sign in, and
 * before header sanitising, so no assertion is signed for a request that is rejected anyway.
 */
@Component
public class BodySizeLimitFilter implements GlobalFilter, Ordered {

    public static final int ORDER = EdgeAuthenticationFilter.ORDER + 100;

    private static final Logger log = LoggerFactory.getLogger(BodySizeLimitFilter.class);

    private final long limitBytes;

    public BodySizeLimitFilter(GatewayProperties properties) {
        this.limitBytes = properties.bodyLimitBytes();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long declaredLength = exchange.getRequest().getHeaders().getContentLength();
        if (declaredLength > limitBytes) {
            log.atInfo()
                    .addKeyValue("correlationId", CorrelationIdWebFilter.correlationId(exchange))
                    .addKeyValue("contentLength", declaredLength)
                    .log("Rejected request body above the size limit");
            return Mono.error(tooLarge(declaredLength));
        }
        if (declaredLength >= 0) {
            return chain.filter(exchange);
        }

        ServerHttpRequest counted = new CountingRequest(exchange.getRequest(), limitBytes);
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private PlatformErrorException tooLarge(long size) {
        return new PlatformErrorException(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than the limit of " + limitBytes + " bytes.",
                List.of(
                        new ErrorDetail(
                                "body",
                                "size "
                                        + size
                                        + " bytes is above the limit of "
                                        + limitBytes
                                        + " bytes")),
                Map.of(),
                null);
    }

    /** A request whose body fails with 413 as soon as more than the limit has streamed in. */
    private final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limit;

        CountingRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong received = new AtomicLong();
            return super.getBody()
                    .handle(
                            (buffer, sink) -> {
                                long total = received.addAndGet(buffer.readableByteCount());
                                if (total > limit) {
                                    DataBufferUtils.release(buffer);
                                    sink.error(tooLarge(total));
                                } else {
                                    sink.next(buffer);
                                }
                            });
        }
    }
}
