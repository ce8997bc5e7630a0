package dev.scribe.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.route.Route;

class ServiceTokenRelayFilterTest {

    @Test
    void mcpPathsNeedMcpScope() {
        assertThat(ServiceTokenRelayFilter.scopeFor("/mcp")).isEqualTo("mcp:invoke");
        assertThat(ServiceTokenRelayFilter.scopeFor("/mcp/writing-analysis"))
                .isEqualTo("mcp:invoke");
        assertThat(ServiceTokenRelayFilter.scopeFor("/mcpx")).isEqualTo("api:invoke");
        assertThat(ServiceTokenRelayFilter.scopeFor("/api/writing-analysis/mcp"))
                .isEqualTo("api:invoke");
    }

    @Test
    void targetServiceFromMetadataOrLoadBalancerUri() {
        Route withMetadata =
                Route.async()
                        .id("a")
                        .uri(URI.create("http://127.0.0.1:1"))
                        .predicate(exchange -> true)
                        .metadata(ServiceTokenRelayFilter.SERVICE_METADATA_KEY, "writing-analysis")
                        .build();
        Route loadBalanced =
                Route.async()
                        .id("b")
                        .uri(URI.create("lb://writing-analysis"))
                        .predicate(exchange -> true)
                        .build();
        Route direct =
                Route.async()
                        .id("c")
                        .uri(URI.create("http://127.0.0.1:1"))
                        .predicate(exchange -> true)
                        .build();

        assertThat(ServiceTokenRelayFilter.targetService(withMetadata))
                .isEqualTo("writing-analysis");
        assertThat(ServiceTokenRelayFilter.targetService(loadBalanced))
                .isEqualTo("writing-analysis");
        assertThatThrownBy(() -> ServiceTokenRelayFilter.targetService(direct))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names no target service");
    }
}
