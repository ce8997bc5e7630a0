package dev.scribe.identity.api;

import dev.scribe.platform.web.ErrorBody;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes 403 {@code FORBIDDEN} in the platform error body for a request to a path that identity
 * does not serve. Spring Security calls it for every denied path, because identity's own API needs
 * no authentication and so every caller there is anonymous.
 */
@Component
public class DeniedPathHandler implements AuthenticationEntryPoint {

    private final JsonMapper jsonMapper;

    public DeniedPathHandler(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void commence(
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException authException)
            throws IOException {
        response.setStatus(ErrorCode.FORBIDDEN.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        ErrorBody body =
                ErrorBody.of(
                        ErrorCode.FORBIDDEN,
                        "Identity does not serve this path; sign in at POST /api/auth/token.",
                        CorrelationIdFilter.correlationId(request),
                        List.of(
                                new ErrorDetail(
                                        "path", "not served for method " + request.getMethod())));
        jsonMapper.writeValue(response.getOutputStream(), body);
    }
}
