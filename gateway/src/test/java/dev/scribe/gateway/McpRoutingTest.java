package dev.scribe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.platform.security.UserAssertions;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The public MCP endpoints {@code /mcp/<service>}: path rewrite, edge authentication with the
 * protected-resource metadata, Origin check, body limit, session affinity and streaming. The
 * upstreams are {@link FakeMcpInstance} servers, two per service.
 */
class McpRoutingTest extends GatewayTestSupport {

    private static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}";

    private static final String TOOLS_LIST =
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private static final String METADATA_URL =
            "https://gateway.example/.well-known/oauth-protected-resource/mcp/mcp-service";

    @Autowired SimpleReactiveDiscoveryProperties discovery;

    /** A session that a test opened: its id and the instance that issued it. */
    private record Session(String id, String instance) {}

    @Test
    void requestsOfSessionStayOnIssuer() {
        List<Session> sessions = new ArrayList<>();
        for (int index = 0; index < 4; index++) {
            sessions.add(initialize("mcp-service"));
        }
        // Round robin spreads new sessions over both instances, so each one is exercised.
        assertThat(sessions).extracting(Session::instance).contains("mcp-a", "mcp-b");

        for (Session session : sessions) {
            for (int request = 0; request < 5; request++) {
                String instance = call("mcp-service", session.id(), TOOLS_LIST);
                assertThat(instance).as("instance for " + session).isEqualTo(session.instance());
            }
        }

        for (Session session : sessions) {
            FakeMcpInstance issuer = session.instance().equals("mcp-a") ? MCP_A : MCP_B;
            FakeMcpInstance other = issuer == MCP_A ? MCP_B : MCP_A;
            assertThat(issuer.requestsWithSession(session.id())).isEqualTo(5);
            assertThat(other.requestsWithSession(session.id())).isZero();
        }
    }

    @Test
    void forwardedRequestIsRewrittenAndSanitised() {
        String token = tokenFor(STUDENT);
        Session session = initialize("mcp-service");
        FakeMcpInstance issuer = session.instance().equals("mcp-a") ? MCP_A : MCP_B;

        FakeMcpInstance.ReceivedRequest initialize =
                issuer.received().stream()
                        .filter(request -> "POST".equals(request.method()))
                        .reduce((first, second) -> second)
                        .orElseThrow();
        assertThat(initialize.path()).isEqualTo("/mcp");
        assertThat(initialize.header(UserAssertions.HEADER)).isNotBlank();
        assertThat(initialize.header(HttpHeaders.AUTHORIZATION)).isNotEqualTo("Bearer " + token);
        assertThat(initialize.header("X-Correlation-ID")).isNotBlank();
    }

    @Test
    void missingTokenGetsResourceMetadataChallenge() {
        int before = MCP_A.received().size() + MCP_B.received().size();

        client.post()
                .uri("/mcp/mcp-service")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(INITIALIZE)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer resource_metadata=\"" + METADATA_URL + "\"")
                .expectBody()
                .jsonPath("$.success")
                .isEqualTo(false)
                .jsonPath("$.error.code")
                .isEqualTo("UNAUTHENTICATED");

        assertThat(MCP_A.received().size() + MCP_B.received().size()).isEqualTo(before);
    }

    @Test
    void invalidTokenGetsResourceMetadataChallenge() {
        String foreignToken = issuer(FOREIGN_KEY, ISSUER, AUDIENCE).issue(STUDENT);

        client.post()
                .uri("/mcp/mcp-service")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + foreignToken)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(INITIALIZE)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer resource_metadata=\""
                                + METADATA_URL
                                + "\", error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void metadataDocumentNamesIdentity() {
        client.get()
                .uri("/.well-known/oauth-protected-resource/mcp/mcp-service")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.resource")
                .isEqualTo("https://gateway.example/mcp/mcp-service")
                .jsonPath("$.authorization_servers.length()")
                .isEqualTo(1)
                .jsonPath("$.authorization_servers[0]")
                .isEqualTo("https://identity.example")
                .jsonPath("$.bearer_methods_supported.length()")
                .isEqualTo(1)
                .jsonPath("$.bearer_methods_supported[0]")
                .isEqualTo("header")
                .jsonPath("$.scopes_supported[0]")
                .isEqualTo("mcp:tools")
                .jsonPath("$.resource_name")
                .isEqualTo("Scribe Platform mcp-service MCP server");
    }

    @Test
    void metadataOfServiceWithoutMcpIsNotFound() {
        for (String service : List.of("writing-analysis", "no-such-service")) {
            client.get()
                    .uri("/.well-known/oauth-protected-resource/mcp/" + service)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.error.code")
                    .isEqualTo("ROUTE_NOT_FOUND");
        }
    }

    @Test
    void otherPathsUnderMcpAreNotFound() {
        for (String path :
                List.of(
                        "/mcp",
                        "/mcp/",
                        "/mcp/mcp-service/",
                        "/mcp/mcp-service/extra",
                        "/MCP/mcp-service",
                        "/mcp/writing-analysis")) {
            client.post()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(INITIALIZE)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .jsonPath("$.error.code")
                    .isEqualTo("ROUTE_NOT_FOUND");
        }
    }

    @Test
    void foreignOriginIsForbidden() {
        int before = MCP_A.received().size() + MCP_B.received().size();

        client.post()
                .uri("/mcp/mcp-service")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header(HttpHeaders.ORIGIN, "https://attacker.example")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(INITIALIZE)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("FORBIDDEN")
                .jsonPath("$.error.details[0].field")
                .isEqualTo("Origin");

        assertThat(MCP_A.received().size() + MCP_B.received().size()).isEqualTo(before);
    }

    @Test
    void listedOriginIsForwarded() {
        client.post()
                .uri("/mcp/mcp-service")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header(HttpHeaders.ORIGIN, "https://ASSISTANT.example")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(INITIALIZE)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists(FakeMcpInstance.SESSION_HEADER);
    }

    @Test
    void oversizedBodyIsRejected() {
        int before = MCP_A.received().size() + MCP_B.received().size();
        byte[] body = new byte[5 * 1024 * 1024 + 1];

        client.post()
                .uri("/mcp/mcp-service")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("PAYLOAD_TOO_LARGE");

        assertThat(MCP_A.received().size() + MCP_B.received().size()).isEqualTo(before);
    }

    @Test
    void stoppedIssuerGivesNotFound() {
        Session session = initialize("mcp-stopped");
        FakeMcpInstance issuer = session.instance().equals("stopped-a") ? STOPPED_A : STOPPED_B;
        FakeMcpInstance survivor = issuer == STOPPED_A ? STOPPED_B : STOPPED_A;
        issuer.stop();

        client.post()
                .uri("/mcp/mcp-stopped")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header(FakeMcpInstance.SESSION_HEADER, session.id())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TOOLS_LIST)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("NOT_FOUND")
                .jsonPath("$.error.details[0].field")
                .isEqualTo("Mcp-Session-Id");
        assertThat(survivor.requestsWithSession(session.id())).isZero();

        // The client starts a new session, which the surviving instance issues.
        Session renewed = initialize("mcp-stopped");
        assertThat(renewed.instance()).isEqualTo(survivor.name());
    }

    @Test
    void removedIssuerGivesNotFound() {
        Session session = initialize("mcp-removed");
        FakeMcpInstance issuer = session.instance().equals("removed-a") ? REMOVED_A : REMOVED_B;
        FakeMcpInstance survivor = issuer == REMOVED_A ? REMOVED_B : REMOVED_A;

        // The list is the one the discovery client reads, so the issuer leaves discovery here.
        discovery
                .getInstances("mcp-removed")
                .removeIf(instance -> instance.getPort() == issuer.port());
        assertThat(discovery.getInstances("mcp-removed")).hasSize(1);

        // The load balancer caches instance lists for 5 s, so the removal shows after that.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        int status = 0;
        while (Instant.now().isBefore(deadline)) {
            status = postWithSession("mcp-removed", session.id()).getStatus().value();
            if (status == 404) {
                break;
            }
            assertThat(status).as("status while the issuer is still listed").isEqualTo(200);
            pause();
        }
        assertThat(status).isEqualTo(404);
        assertThat(survivor.requestsWithSession(session.id())).isZero();
        // The issuer is still running, so a 200 before the 404 can only have come from it.
        assertThat(issuer.requestsWithSession(session.id())).isPositive();
    }

    @Test
    void deleteReachesIssuerAndEndsAffinity() {
        Session session = initialize("mcp-service");
        FakeMcpInstance issuer = session.instance().equals("mcp-a") ? MCP_A : MCP_B;
        FakeMcpInstance other = issuer == MCP_A ? MCP_B : MCP_A;

        client.delete()
                .uri("/mcp/mcp-service")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header(FakeMcpInstance.SESSION_HEADER, session.id())
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(issuer.requestsWithSession(session.id())).isEqualTo(1);

        // Without the stored session, round robin sends two requests to both instances, and
        // both answer 404 because the session was deleted.
        for (int index = 0; index < 2; index++) {
            assertThat(postWithSession("mcp-service", session.id()).getStatus().value())
                    .isEqualTo(404);
        }
        assertThat(other.requestsWithSession(session.id())).isEqualTo(1);
    }

    @Test
    void unknownSessionIsForwarded() {
        String unknown = "never-issued-session";

        EntityExchangeResult<byte[]> result = postWithSession("mcp-service", unknown);

        assertThat(result.getStatus().value()).isEqualTo(404);
        assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
                .contains("unknown session");
        assertThat(MCP_A.requestsWithSession(unknown) + MCP_B.requestsWithSession(unknown))
                .isEqualTo(1);
    }

    @Test
    void eventStreamIsNotBuffered() throws Exception {
        Session session = initialize("mcp-service");
        FakeMcpInstance issuer = session.instance().equals("mcp-a") ? MCP_A : MCP_B;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp/mcp-service"))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                        .header(FakeMcpInstance.SESSION_HEADER, session.id())
                        .header(HttpHeaders.ACCEPT, "text/event-stream")
                        .header(HttpHeaders.ACCEPT_ENCODING, "gzip")
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build();

        try {
            HttpResponse<InputStream> response =
                    http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(response.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();

            try (BufferedReader reader =
                    new BufferedReader(
                            new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                assertThat(reader.readLine()).isEqualTo("event: message");
                assertThat(reader.readLine()).startsWith("data: first ");
                // The first event arrived while the upstream still holds back the second.
                assertThat(issuer.secondEventSent()).isFalse();

                issuer.releaseStream();
                assertThat(reader.readLine()).isEmpty();
                assertThat(reader.readLine()).isEqualTo("event: message");
                assertThat(reader.readLine()).startsWith("data: second ");
            }
        } finally {
            issuer.releaseStream();
        }
    }

    /** Opens a session on {@code service} through the gateway. */
    private Session initialize(String service) {
        EntityExchangeResult<String> result =
                client.post()
                        .uri("/mcp/" + service)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(INITIALIZE)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult();
        String sessionId = result.getResponseHeaders().getFirst(FakeMcpInstance.SESSION_HEADER);
        assertThat(sessionId).as("Mcp-Session-Id of the initialize response").isNotBlank();
        return new Session(sessionId, instanceIn(result.getResponseBody()));
    }

    /** Sends a request of a session and returns the instance that answered it. */
    private String call(String service, String sessionId, String body) {
        String response =
                client.post()
                        .uri("/mcp/" + service)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                        .header(FakeMcpInstance.SESSION_HEADER, sessionId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(body)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
        return instanceIn(response);
    }

    private EntityExchangeResult<byte[]> postWithSession(String service, String sessionId) {
        return client.post()
                .uri("/mcp/" + service)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .header(FakeMcpInstance.SESSION_HEADER, sessionId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(TOOLS_LIST)
                .exchange()
                .expectBody()
                .returnResult();
    }

    private static String instanceIn(String body) {
        assertThat(body).contains("\"instance\":\"");
        int start = body.indexOf("\"instance\":\"") + "\"instance\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the removal", e);
        }
    }
}
