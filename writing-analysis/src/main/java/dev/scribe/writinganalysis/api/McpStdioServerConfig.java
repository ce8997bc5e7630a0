package dev.scribe.writinganalysis.api;

import dev.scribe.platform.security.TokenVerificationException;
import dev.scribe.platform.security.TokenVerifier;
import dev.scribe.platform.security.UserClaims;
import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.writinganalysis.core.api.CallContext;
import dev.scribe.writinganalysis.core.api.Caller;
import dev.scribe.writinganalysis.domain.TokenVersions;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server on stdin and stdout, active when the command line contains {@code
 * --transport=stdio}. The caller is fixed for the whole process: the user assertion in {@code
 * WRITING_ANALYSIS_STDIO_TOKEN}, verified at start-up like the {@code X-User-Assertion} header, so
 * the process does not start without a valid one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "transport", havingValue = "stdio")
public class McpStdioServerConfig {

    private static final Logger log = LoggerFactory.getLogger(McpStdioServerConfig.class);

    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer mcpStdioServer(
            McpStdio.Streams mcpStdioStreams,
            McpTools tools,
            TokenVerifier userAssertionVerifier,
            TokenVersions tokenVersions,
            @Value("${spring.application.name}") String name,
            @Value("${spring.application.version:0.1.0-SNAPSHOT}") String version) {
        Caller caller =
                CallContexts.callerOf(
                        verifiedCaller(
                                System.getenv(McpStdio.TOKEN_VARIABLE),
                                userAssertionVerifier,
                                tokenVersions));
        StdioServerTransportProvider transport =
                new StdioServerTransportProvider(
                        McpJsonDefaults.getMapper(), mcpStdioStreams.in(), mcpStdioStreams.out());

        log.info("Serving MCP on stdin and stdout");
        return McpServer.sync(transport)
                .serverInfo(name, version)
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .validateToolInputs(false)
                .tools(
                        tools.specifications(
                                exchange ->
                                        CallContext.of(
                                                caller, CorrelationIds.keepOrGenerate(null))))
                .build();
    }

    /**
     * Verifies the stdio token like the assertion header, including the token version.
     *
     * @throws IllegalStateException when the token is missing, invalid or revoked, which stops the
     *     start
     */
    static UserClaims verifiedCaller(
            String token, TokenVerifier verifier, TokenVersions tokenVersions) {
        if (token == null || token.isBlank()) {
            throw new IllegalStateException(
                    McpStdio.TOKEN_VARIABLE
                            + " is missing; set it to a user assertion signed by the gateway key.");
        }

        UserClaims claims;
        try {
            claims = verifier.verify(token);
        } catch (TokenVerificationException e) {
            // The verifier's message names the failed check and never contains the token.
            throw new IllegalStateException(
                    McpStdio.TOKEN_VARIABLE + " is not a valid user assertion: " + e.getMessage(),
                    e);
        }

        // NOTE: the token is checked once, at start-up, so the process keeps its caller after the
        // assertion expires (120 s) or is revoked; restart the process to apply a revocation.
        Optional<Long> currentVersion = tokenVersions.currentVersion(claims.subject());
        if (currentVersion.isPresent() && claims.tokenVersion() < currentVersion.get()) {
            throw new IllegalStateException(
                    McpStdio.TOKEN_VARIABLE + " has been revoked; issue a new token.");
        }
        return claims;
    }
}
