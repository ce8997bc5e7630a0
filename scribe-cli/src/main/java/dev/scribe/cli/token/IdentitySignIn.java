package dev.scribe.cli.token;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Signs a user in at identity ({@code POST /api/auth/token}) and returns the access token. */
final class IdentitySignIn {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI identity;
    private final HttpClient http;

    IdentitySignIn(URI identity) {
        this.identity = identity;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /**
     * Returns the access token of {@code userId}.
     *
     * @throws IllegalStateException when identity cannot be reached or rejects the sign-in; the
     *     message names the status and the platform error code, never the password
     */
    String accessToken(String userId, String password) throws InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("username", userId).put("password", password);
        HttpRequest request =
                HttpRequest.newBuilder(identity.resolve("/api/auth/token"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build();

        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot reach identity at "
                            + identity
                            + " ("
                            + e.getMessage()
                            + "); is the platform started (./scribe up)?",
                    e);
        }

        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    "Identity responded with HTTP "
                            + response.statusCode()
                            + " without a JSON body",
                    e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Identity rejected the sign-in of "
                            + userId
                            + ": HTTP "
                            + response.statusCode()
                            + " "
                            + json.path("error").path("code").asString("(no error code)")
                            + "; check that the password file belongs to this run directory");
        }
        String token = json.path("data").path("accessToken").asString("");
        if (token.isEmpty()) {
            throw new IllegalStateException(
                    "The sign-in response of identity contains no data.accessToken");
        }
        return token;
    }
}
