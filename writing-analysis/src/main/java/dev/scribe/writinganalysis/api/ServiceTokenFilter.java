package dev.scribe.writinganalysis.api;

import dev.scribe.platform.security.ServiceClaims;
import dev.scribe.platform.security.ServiceTokenVerifier;
import dev.scribe.platform.security.ServiceTokens;
import dev.scribe.platform.security.TokenVerificationException;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires a service token from identity ({@code Authorization: Bearer}) on every path outside the
 * open ones, before the user assertion and before the body is read: {@code aud} must be this
 * service, {@code /mcp} needs scope {@code mcp:invoke} and every other path {@code api:invoke}. A
 * missing or invalid token gets 401 {@code UNAUTHENTICATED}, a token without the scope 403 {@code
 * FORBIDDEN}.
 *
 * <p>NOTE: every request pays one ES256 check, because the verification cache of platform-security
 * stores user claims only. The gateway reuses one token for 4 minutes, so a cache keyed by the
 * token would remove that cost.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 8)
public class ServiceTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ServiceTokenFilter.class);

    static final String MISSING_MESSAGE = "A valid service token is required.";

    /** The {@code Authorization} value: scheme {@code Bearer} and a token in b64token syntax. */
    private static final Pattern BEARER =
            Pattern.compile("(?i:Bearer) +([A-Za-z0-9\\-._~+/]+=*)\\s*");

    private final ServiceTokenVerifier verifier;
    private final ErrorResponses errors;

    public ServiceTokenFilter(ServiceTokenVerifier verifier, ErrorResponses errors) {
        this.verifier = verifier;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Routes.isOpen(Routes.pathOf(request));
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServiceClaims caller;
        try {
            caller = verifier.verify(bearerToken(request));
        } catch (TokenVerificationException e) {
            // The verifier's message names the failed check and never contains the token.
            log.info("Rejected a request without a valid service token: {}", e.getMessage());
            errors.write(request, response, ErrorCode.UNAUTHENTICATED, MISSING_MESSAGE, List.of());
            return;
        }

        String scope = requiredScope(Routes.pathOf(request));
        if (!caller.hasScope(scope)) {
            log.info(
                    "Rejected a request of service {} whose token lacks scope {}",
                    caller.subject(),
                    scope);
            errors.write(
                    request,
                    response,
                    ErrorCode.FORBIDDEN,
                    "The service token does not grant this path.",
                    List.of(new ErrorDetail("scope", "missing required scope " + scope)));
            return;
        }
        chain.doFilter(request, response);
    }

    static String requiredScope(String path) {
        return path.equals(McpEdgeFilter.MCP_PATH)
                ? ServiceTokens.SCOPE_MCP_INVOKE
                : ServiceTokens.SCOPE_API_INVOKE;
    }

    private static String bearerToken(HttpServletRequest request)
            throws TokenVerificationException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            throw new TokenVerificationException("The Authorization header is missing");
        }
        Matcher matcher = BEARER.matcher(header);
        if (!matcher.matches()) {
            throw new TokenVerificationException("The Authorization header is not a bearer token");
        }
        return matcher.group(1);
    }
}
