package dev.scribe.gateway.client;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Sends one call of a tiered operation to an instance of the owning service, chosen by the load
 * balancer. The router needs the status and body before it writes anything to the client, so that
 * it can still fall back; the proxy chain streams instead and cannot.
 *
 * <p>The attempt timeout is enforced with {@link Mono#timeout}: on expiry the subscription is
 * cancelled, which aborts the HTTP exchange and closes its connection instead of returning it to
 * the pool (CB-8).
 */
public class RemoteOperationClient {

    /** The largest response body read into memory; a tool output is far smaller. */
    static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private final WebClient webClient;

    public RemoteOperationClient(
            WebClient.Builder builder,
            LoadBalancedExchangeFilterFunction loadBalancer,
            int connectTimeoutMs) {
        HttpClient http =
                HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMs);
        this.webClient =
                builder.clone()
                        .clientConnector(new ReactorClientHttpConnector(http))
                        .filter(loadBalancer)
                        .codecs(
                                codecs ->
                                        codecs.defaultCodecs().maxInMemorySize(MAX_RESPONSE_BYTES))
                        .build();
    }

    /**
     * One upstream response, fully read.
     *
     * @param body the body, empty when there was none
     */
    public record RemoteResponse(int status, HttpHeaders headers, byte[] body) {}

    /**
     * Sends a POST with the given headers and body.
     *
     * @param query the raw query string, or null
     * @return the response, or an error: {@link java.util.concurrent.TimeoutException} on timeout,
     *     a {@code WebClientRequestException} when the connection failed
     */
    public Mono<RemoteResponse> post(
            String service,
            String path,
            String query,
            HttpHeaders headers,
            byte[] body,
            Duration timeout) {
        String uri =
                UriComponentsBuilder.newInstance()
                        .scheme("http")
                        .host(service)
                        .path(path)
                        .query(query)
                        .build(true)
                        .toUriString();
        return webClient
                .method(HttpMethod.POST)
                .uri(uri)
                .headers(h -> h.addAll(headers))
                .bodyValue(body)
                .exchangeToMono(
                        response ->
                                response.bodyToMono(byte[].class)
                                        .defaultIfEmpty(new byte[0])
                                        .map(
                                                bytes ->
                                                        new RemoteResponse(
                                                                response.statusCode().value(),
                                                                response.headers().asHttpHeaders(),
                                                                bytes)))
                .timeout(timeout);
    }
}
