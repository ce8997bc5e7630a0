package dev.scribe.writinganalysis.config;

import dev.scribe.writinganalysis.api.McpEdgeFilter;
import dev.scribe.writinganalysis.api.McpTools;
import dev.scribe.writinganalysis.api.RequestBodyFilter;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server over Streamable HTTP at {@code /mcp} on the service port, built from the MCP Java
 * SDK's servlet transport. The servlet sits behind the same filters as the HTTP API, so the
 * assertion check, the body limit and the correlation id apply to it too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class McpServerConfig {

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport() {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonDefaults.getMapper())
                .mcpEndpoint(McpEdgeFilter.MCP_PATH)
                .contextExtractor(McpTools::transportContext)
                .maxRequestSize(RequestBodyFilter.MAX_BODY_BYTES)
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
            HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration =
                new ServletRegistrationBean<>(transport, McpEdgeFilter.MCP_PATH);
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        return registration;
    }

    /**
     * Builds the server. Input validation is left to the engine, which reports a schema violation
     * as a tool error with {@code INVALID_ARGUMENT} and the failed field, as over HTTP.
     */
    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer mcpServer(
            HttpServletStreamableServerTransportProvider transport,
            McpTools tools,
            @Value("${spring.application.name}") String name,
            @Value("${spring.application.version:0.1.0-SNAPSHOT}") String version) {
        return McpServer.sync(transport)
                .serverInfo(name, version)
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false)
                .tools(tools.specifications(McpTools::fromTransportContext))
                .build();
    }
}
