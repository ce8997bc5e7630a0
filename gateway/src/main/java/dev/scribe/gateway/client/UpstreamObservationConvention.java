package dev.scribe.gateway.client;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.stereotype.Component;

/**
 * Names the observation of forwarded requests {@code gateway.upstream.requests}. Spring Cloud
 * Gateway's default name, {@code http.client.requests}, is also used by the Eureka client's HTTP
 * calls with other tag keys, and Prometheus rejects the second set, so the gateway's upstream
 * timings would be lost.
 */
@Component
public class UpstreamObservationConvention extends DefaultGatewayObservationConvention {

    public static final String NAME = "gateway.upstream.requests";

    @Override
    public String getName() {
        return NAME;
    }
}
