package dev.scribe.writinganalysis.config;

import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.web.CorrelationIds;
import dev.scribe.writinganalysis.config.RouteDocs.RouteDoc;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completes the generated OpenAPI document: a summary, a request example and a success example for
 * every route, the platform error responses, and the user assertion as the security scheme.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocumentation {

    private static final String ASSERTION_SCHEME = "userAssertion";

    private static final String ERROR_EXAMPLE =
            """
            {"success": false, "error": {"code": "INVALID_ARGUMENT",
             "message": "The request is invalid: see the details.",
             "correlationId": "3e0f7d2a-1c4b-4d5e-8f9a-0b1c2d3e4f5a", "retryable": false,
             "details": [{"field": "content", "problem": "required"}]}}""";

    /** Error statuses that every route can return, with the platform codes behind them. */
    private static final Map<String, String> ERROR_STATUSES =
            Map.of(
                    "400", "INVALID_ARGUMENT or IDENTITY_MISMATCH",
                    "401", "UNAUTHENTICATED: missing or invalid X-User-Assertion",
                    "403", "FORBIDDEN, CONSENT_REQUIRED or PRIVACY_BUDGET_EXHAUSTED",
                    "404", "NOT_FOUND",
                    "409", "CONFLICT",
                    "413", "PAYLOAD_TOO_LARGE: body over 1 MiB or a string over its limit",
                    "422", "INSUFFICIENT_GROUP_SIZE",
                    "503", "UNAVAILABLE, with Retry-After");

    @Bean
    OpenApiCustomizer routeDocumentation() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, RouteDoc> docs = RouteDocs.all();
        return openApi -> {
            openApi.info(
                    new Info()
                            .title("writing-analysis")
                            .version("0.1.0")
                            .description(
                                    "Writing analysis and privacy tools of Scribe Platform."
                                            + " Every route needs the gateway's user assertion;"
                                            + " answers use the platform envelope."));
            openApi.components(
                    (openApi.getComponents() == null ? new Components() : openApi.getComponents())
                            .addSecuritySchemes(
                                    ASSERTION_SCHEME,
                                    new SecurityScheme()
                                            .type(SecurityScheme.Type.APIKEY)
                                            .in(SecurityScheme.In.HEADER)
                                            .name(UserAssertions.HEADER)));
            openApi.addSecurityItem(new SecurityRequirement().addList(ASSERTION_SCHEME));

            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths()
                    .forEach(
                            (path, item) ->
                                    item.readOperationsMap()
                                            .forEach(
                                                    (method, operation) ->
                                                            document(
                                                                    json,
                                                                    docs.get(
                                                                            method.name()
                                                                                    + " "
                                                                                    + path),
                                                                    method,
                                                                    operation)));
        };
    }

    private static void document(
            JsonMapper json, RouteDoc doc, PathItem.HttpMethod method, Operation operation) {
        if (doc == null) {
            return;
        }
        operation.summary(doc.summary());
        operation.addParametersItem(
                new HeaderParameter()
                        .name(CorrelationIds.HEADER)
                        .description(
                                "Correlation id, kept when it matches [A-Za-z0-9._-]{8,64},"
                                        + " else replaced; echoed on the response")
                        .schema(new StringSchema()));
        operation.addParametersItem(
                new HeaderParameter()
                        .name("X-Access-Justification")
                        .description(
                                "Reason for an administrator's access to one student's data,"
                                        + " at least 20 characters; required for that access")
                        .schema(new StringSchema()));
        if (doc.requestExample() != null && method != PathItem.HttpMethod.GET) {
            operation.requestBody(
                    new RequestBody()
                            .required(true)
                            .content(jsonContent(parse(json, doc.requestExample()))));
        }

        String success =
                "{\"success\": true, \"data\": "
                        + doc.dataExample()
                        + ", \"meta\": {\"tier\": \"remote\", \"degraded\": false,"
                        + " \"notices\": [], \"correlationId\":"
                        + " \"3e0f7d2a-1c4b-4d5e-8f9a-0b1c2d3e4f5a\"}}";
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse(
                "200",
                new ApiResponse()
                        .description("Success envelope; header X-Service-Tier: remote")
                        .content(jsonContent(parse(json, success))));
        Object error = parse(json, ERROR_EXAMPLE);
        ERROR_STATUSES.forEach(
                (status, codes) ->
                        responses.addApiResponse(
                                status,
                                new ApiResponse()
                                        .description("Platform error body: " + codes)
                                        .content(jsonContent(error))));
        operation.responses(responses);
    }

    /**
     * Parses an example into plain maps and lists, which the OpenAPI model serializes with its own
     * JSON library. A malformed example stops the start instead of reaching readers.
     */
    private static Object parse(JsonMapper json, String example) {
        return json.readValue(example, Object.class);
    }

    private static Content jsonContent(Object example) {
        return new Content()
                .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().example(example));
    }
}
