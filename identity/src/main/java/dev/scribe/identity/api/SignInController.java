package dev.scribe.identity.api;

import dev.scribe.identity.service.InvalidCredentialsException;
import dev.scribe.identity.service.SignInService;
import dev.scribe.identity.service.UserTokenSigner;
import dev.scribe.identity.service.UserTokenSigner.SignedToken;
import dev.scribe.platform.web.ErrorCode;
import dev.scribe.platform.web.ErrorDetail;
import dev.scribe.platform.web.Meta;
import dev.scribe.platform.web.SuccessEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/auth/token}: signs a user in with {@code {"username", "password"}} and returns a
 * 15-minute access token. The username is the user id. A body with a {@code role} field, or any
 * field other than these two, gets 400, because the role comes from the account only.
 */
@RestController
public class SignInController {

    static final String FAILED_MESSAGE = "The username or password is incorrect.";

    private static final Set<String> FIELDS = Set.of("username", "password");
    private static final int MAX_USERNAME_LENGTH = 64;
    private static final int MAX_PASSWORD_LENGTH = 128;

    private static final Logger log = LoggerFactory.getLogger(SignInController.class);

    /** The {@code data} of a successful sign-in. */
    public record TokenResponse(
            String accessToken, String tokenType, long expiresIn, String expiresAt) {}

    private final SignInService signIn;

    public SignInController(SignInService signIn) {
        this.signIn = signIn;
    }

    @PostMapping(
            path = "/api/auth/token",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> token(@RequestBody JsonNode body, HttpServletRequest request) {
        String correlationId = CorrelationIdFilter.correlationId(request);
        List<ErrorDetail> problems = validate(body);
        if (!problems.isEmpty()) {
            return ApiExceptionHandler.error(
                    ErrorCode.INVALID_ARGUMENT,
                    "The sign-in request is invalid.",
                    correlationId,
                    problems);
        }

        SignedToken token;
        try {
            token = signIn.signIn(body.get("username").asString(), body.get("password").asString());
        } catch (InvalidCredentialsException e) {
            // The reason stays in the logs; the caller gets one message for every cause.
            log.info("Rejected a sign-in: {}", e.getMessage());
            return ApiExceptionHandler.error(
                    ErrorCode.UNAUTHENTICATED, FAILED_MESSAGE, correlationId, List.of());
        }

        TokenResponse data =
                new TokenResponse(
                        token.value(),
                        "Bearer",
                        UserTokenSigner.LIFETIME.toSeconds(),
                        token.expiresAt().toString());
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(SuccessEnvelope.of(data, Meta.remote(List.of(), correlationId)));
    }

    private static List<ErrorDetail> validate(JsonNode body) {
        List<ErrorDetail> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            problems.add(new ErrorDetail("body", "must be a JSON object"));
            return problems;
        }
        for (String name : body.propertyNames()) {
            if (name.equals("role")) {
                problems.add(
                        new ErrorDetail(
                                "role",
                                "not allowed: the role comes from the account and cannot be"
                                        + " requested"));
            } else if (!FIELDS.contains(name)) {
                problems.add(new ErrorDetail(name, "unknown field; send username and password"));
            }
        }
        checkText(body, "username", MAX_USERNAME_LENGTH, problems);
        checkText(body, "password", MAX_PASSWORD_LENGTH, problems);
        return problems;
    }

    private static void checkText(
            JsonNode body, String field, int maxLength, List<ErrorDetail> problems) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            problems.add(new ErrorDetail(field, "missing"));
        } else if (!value.isString() || value.asString().isEmpty()) {
            problems.add(new ErrorDetail(field, "must be a non-empty string"));
        } else if (value.asString().length() > maxLength) {
            problems.add(
                    new ErrorDetail(
                            field,
                            "longer than "
                                    + maxLength
                                    + " characters (length "
                                    + value.asString().length()
                                    + ")"));
        }
    }
}
