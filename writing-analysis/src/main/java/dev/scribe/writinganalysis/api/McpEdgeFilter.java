package dev.scribe.writinganalysis.api;

import dev.scribe.platform.web.ErrorBody;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.writinganalysis.config.McpProperties;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the MCP endpoint before authentication (ServiceTokenFilter runs next): a request whose
 * {@code Origin} is not on {@code platform.mcp.allowed-origins}, or whose {@code Host} names a host
 * that is not on {@code platform.mcp.allowed-hosts}, gets 403 {@code FORBIDDEN}, which blocks
 * DNS-rebinding attacks from browsers; {@code GET} gets 405 because the server opens no
 * server-initiated stream.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 7)
public class McpEdgeFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(McpEdgeFilter.class);

    /** Path of the MCP Streamable HTTP endpoint. */
    public static final String MCP_PATH = "/mcp";

    static final String ORIGIN = "Origin";

    static final String HOST = "Host";

    private final McpProperties properties;
    private final ErrorResponses errors;
    private final JsonMapper jsonMapper;
    private final DefaultServerTransportSecurityValidator hostValidator;

    public McpEdgeFilter(McpProperties properties, ErrorResponses errors, JsonMapper jsonMapper) {
        this.properties = properties;
        this.errors = errors;
        this.jsonMapper = jsonMapper;
        this.hostValidator = hostValidator(properties.allowedHosts());
    }

    /**
     * Builds the MCP SDK's header validator for the host allow-list. The SDK matches {@code name:*}
     * as the name on any port, so each configured name is allowed with and without a port.
     */
    private static DefaultServerTransportSecurityValidator hostValidator(List<String> hosts) {
        DefaultServerTransportSecurityValidator.Builder builder =
                DefaultServerTransportSecurityValidator.builder();
        for (String host : hosts) {
            builder.allowedHost(host).allowedHost(host + ":*");
        }
        return builder.build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !Routes.pathOf(request).equals(MCP_PATH);
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(ORIGIN);
        if (origin != null && !properties.allowedOrigins().contains(origin)) {
            // The origin is not logged because it is caller-supplied text; its length is enough.
            log.info("Rejected an MCP request from an origin of length {}", origin.length());
            errors.write(
                    request,
                    response,
                    ErrorCode.FORBIDDEN,
                    "The request origin is not allowed to call the MCP endpoint.",
                    List.of(
                            new ErrorDetail(
                                    ORIGIN,
                                    "not in platform.mcp.allowed-origins; length "
                                            + origin.length())));
            return;
        }

        String host = request.getHeader(HOST);
        if (!hostAllowed(host)) {
            // The host is caller-supplied text, so only its length is logged.
            int length = host == null ? 0 : host.length();
            log.info("Rejected an MCP request for a host name of length {}", length);
            errors.write(
                    request,
                    response,
                    ErrorCode.FORBIDDEN,
                    "The request names a host that the MCP endpoint does not serve.",
                    List.of(
                            new ErrorDetail(
                                    HOST, "not in platform.mcp.allowed-hosts; length " + length)));
            return;
        }

        if ("GET".equals(request.getMethod())) {
            rejectGet(request, response);
            return;
        }

        chain.doFilter(request, response);
    }

    private boolean hostAllowed(String host) {
        try {
            hostValidator.validateHeaders(Map.of(HOST, host == null ? List.of() : List.of(host)));
            return true;
        } catch (ServerTransportSecurityException e) {
            return false;
        }
    }

    /**
     * Writes 405 with {@code Allow: POST, DELETE}. The platform has no error code for a wrong
     * method, so the body carries {@code NOT_FOUND} as the API routes do for a method they do not
     * serve.
     */
    private void rejectGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        response.setHeader(HttpHeaders.ALLOW, "POST, DELETE");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        ErrorBody body =
                ErrorBody.of(
                        ErrorCode.NOT_FOUND,
                        "GET is not served on the MCP endpoint; send JSON-RPC messages with POST.",
                        RequestAttributes.correlationId(request),
                        List.of(new ErrorDetail("method", "not served on this path: GET")));
        jsonMapper.writeValue(response.getOutputStream(), body);
    }
}
