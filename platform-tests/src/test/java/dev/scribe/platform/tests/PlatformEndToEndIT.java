package dev.scribe.platform.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.scribe.cli.token.DemoUsers;
import dev.scribe.cli.token.DevKeys;
import dev.scribe.cli.token.KeysCommand;
import dev.scribe.platform.security.ServiceTokenClient;
import dev.scribe.platform.security.ServiceTokens;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.UserAssertions;
import dev.scribe.platform.tests.HttpCalls.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts the registry, identity, two writing-analysis instances and the gateway as real processes
 * on free loopback ports. Users sign in at identity; the tests send real essays, reflections and
 * PII texts through the gateway and check envelopes, correlation ids, load balancing over both
 * instances, token checks at the edge and at the service, and the edge's error statuses. The last
 * test stops both instances and expects 503, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final String WRITING_ANALYSIS = "writing-analysis";
    private static final String API = "/api/writing-analysis";
    private static final String JWKS_PATH = "/.well-known/jwks.json";

    private static final HttpCalls http = new HttpCalls();

    private static PlatformRunner runner;
    private static PlatformProcess registry;
    private static PlatformProcess gateway;
    private static PlatformProcess identity;
    private static String identityUrl;
    private static PlatformLaunch launch;
    private static final List<PlatformProcess> instances = new ArrayList<>();
    private static int gatewayManagementPort;
    private static String studentToken;

    @BeforeAll
    static void startPlatform() throws Exception {
        Path projectDir = Path.of(System.getProperty("scribe.project-dir", "..")).normalize();
        Path runDir =
                PlatformRunner.freshRunDir(
                        Path.of(System.getProperty("scribe.e2e-run-dir", "target/e2e-run")));
        runner = new PlatformRunner(projectDir.toAbsolutePath(), runDir.toAbsolutePath());

        // The same keys, demo password and client secrets that ./scribe up creates.
        int keysStatus =
                new KeysCommand(new PrintStream(OutputStream.nullOutputStream()))
                        .run(List.of("--dir", runner.keysDir().toString()));
        assertThat(keysStatus).isZero();

        int registryPort = PlatformRunner.freePort();
        String registryUrl = "http://127.0.0.1:" + registryPort + "/eureka/";
        registry =
                runner.start(
                        "registry",
                        "registry",
                        registryPort,
                        List.of(
                                "--server.port=" + registryPort,
                                "--eureka.client.service-url.defaultZone=" + registryUrl));
        PlatformLaunch.awaitReady(http, registry, registryPort);

        int identityPort = PlatformRunner.freePort();
        identityUrl = "http://127.0.0.1:" + identityPort;
        launch = new PlatformLaunch(runner, registryPort, identityPort);
        identity =
                runner.start(
                        "identity",
                        "identity",
                        identityPort,
                        launch.identityArguments(identityPort));

        // The instances and the gateway start together, because start-up order does not matter
        // for correctness and the machine has few cores to spare.
        for (int i = 0; i < 2; i++) {
            int port = PlatformRunner.freePort();
            instances.add(
                    runner.start(
                            WRITING_ANALYSIS + "-" + port,
                            WRITING_ANALYSIS,
                            port,
                            launch.serviceArguments(port)));
        }
        int gatewayPort = PlatformRunner.freePort();
        gatewayManagementPort = PlatformRunner.freePort();
        gateway =
                runner.start(
                        "gateway",
                        "gateway",
                        gatewayPort,
                        launch.gatewayArguments(gatewayPort, gatewayManagementPort));

        PlatformLaunch.awaitReady(http, identity, identityPort);
        studentToken = tokenFor("student-demo");
        for (PlatformProcess instance : instances) {
            PlatformLaunch.awaitReady(http, instance, instance.port());
        }
        PlatformLaunch.awaitReady(http, gateway, gatewayManagementPort);
        awaitRegistered();
        awaitGatewayUsesBothInstances();
    }

    @AfterAll
    static void stopPlatform() throws InterruptedException {
        if (runner != null) {
            runner.close();
        }
    }

    /** Signs a demo user in at identity with the run directory's demo password. */
    private static String tokenFor(String userId) throws Exception {
        return launch.tokenFor(http, userId);
    }

    private static String readFirstLine(Path file) throws IOException {
        return Files.readString(file).lines().findFirst().orElse("").strip();
    }

    /** Signs a user token for student-demo with free key, issuer, audience and lifetime. */
    private static String userToken(ECKey key, String issuer, String audience, Duration lifetime) {
        return new TokenIssuer(key, issuer, audience, lifetime, Map.of(), Clock.systemUTC())
                .issue(DemoUsers.byId("student-demo"));
    }

    /** Waits until the registry lists both instances as UP. */
    private static void awaitRegistered() {
        URI app = URI.create(registryBase() + "/eureka/apps/" + WRITING_ANALYSIS.toUpperCase());
        Set<String> expected = new LinkedHashSet<>();
        for (PlatformProcess instance : instances) {
            expected.add(WRITING_ANALYSIS + ":" + instance.port());
        }
        await("registration of both instances")
                .atMost(START_TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .until(() -> registeredUpInstances(app).containsAll(expected));
    }

    private static Set<String> registeredUpInstances(URI app)
            throws IOException, InterruptedException {
        Reply reply = http.get(app, Map.of("Accept", "application/json"));
        Set<String> up = new LinkedHashSet<>();
        if (reply.status() != 200) {
            return up;
        }
        for (JsonNode instance : reply.json().path("application").path("instance")) {
            if ("UP".equals(instance.path("status").asString())) {
                up.add(instance.path("instanceId").asString());
            }
        }
        return up;
    }

    /**
     * Sends small classification requests until each instance has served at least one, because the
     * gateway learns about instances from its periodic registry fetch, not at once.
     */
    private static void awaitGatewayUsesBothInstances() {
        await("gateway routing to both instances")
                .atMost(START_TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .until(
                        () -> {
                            gateway.assertAlive();
                            postThroughGateway(
                                    API + "/sensitivity",
                                    studentToken,
                                    "{\"content\":\"Start-up check of the route.\"}",
                                    "e2e-startup-" + UUID.randomUUID());
                            for (PlatformProcess instance : instances) {
                                if (http.postCount(instance.port(), "", null) == 0) {
                                    return false;
                                }
                            }
                            return true;
                        });
    }

    private static String registryBase() {
        return "http://127.0.0.1:" + registry.port();
    }

    private static URI gatewayUri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private static Reply postThroughGateway(
            String path, String token, String body, String correlationId)
            throws IOException, InterruptedException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (correlationId != null) {
            headers.put("X-Correlation-ID", correlationId);
        }
        return http.post(gatewayUri(path), headers, body);
    }

    private static String json(ObjectNode node) {
        return HttpCalls.MAPPER.writeValueAsString(node);
    }

    private static ObjectNode patternsRequest(String content, String userId) {
        ObjectNode body = HttpCalls.MAPPER.createObjectNode();
        body.put("content", content);
        body.put("userId", userId);
        body.put("purpose", "writing_improvement");
        return body;
    }

    private static String newCorrelationId(String label) {
        return "e2e-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Checks the success envelope of a remote-tier response and the echoed correlation id. */
    private static void assertRemoteSuccess(Reply reply, String correlationId) {
        assertThat(reply.status()).as("status, body %s", reply.response().body()).isEqualTo(200);
        assertThat(reply.json().path("success").asBoolean()).isTrue();
        assertThat(reply.json().path("data").isObject()).isTrue();
        JsonNode meta = reply.json().path("meta");
        assertThat(meta.path("tier").asString()).isEqualTo("remote");
        assertThat(meta.path("degraded").asBoolean()).isFalse();
        assertThat(meta.path("notices").isArray()).isTrue();
        assertThat(meta.has("message")).isFalse();
        assertThat(meta.path("correlationId").asString()).isEqualTo(correlationId);
        assertThat(reply.header("X-Correlation-ID")).isEqualTo(correlationId);
    }

    /** Checks an error envelope: code, retry hint and the echoed correlation id. */
    private static void assertError(
            Reply reply, int status, String code, boolean retryable, String correlationId) {
        assertThat(reply.status()).as("status, body %s", reply.response().body()).isEqualTo(status);
        assertThat(reply.json().path("success").asBoolean(true)).isFalse();
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asString()).isEqualTo(code);
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(error.path("retryable").asBoolean(!retryable)).isEqualTo(retryable);
        assertThat(error.path("correlationId").asString()).isEqualTo(correlationId);
        assertThat(reply.header("X-Correlation-ID")).isEqualTo(correlationId);
    }

    @Test
    @Order(1)
    void registryListsBothInstances() throws Exception {
        Set<String> up =
                registeredUpInstances(
                        URI.create(
                                registryBase() + "/eureka/apps/" + WRITING_ANALYSIS.toUpperCase()));

        for (PlatformProcess instance : instances) {
            assertThat(up).contains(WRITING_ANALYSIS + ":" + instance.port());
        }
    }

    @Test
    @Order(2)
    void essaysAreAnalysedByBothInstances() throws Exception {
        List<JsonNode> essays = SharedData.essays(20);
        Map<Integer, Long> before = new HashMap<>();
        for (PlatformProcess instance : instances) {
            before.put(instance.port(), http.postCount(instance.port(), API + "/patterns", null));
        }

        for (JsonNode essay : essays) {
            String correlationId = newCorrelationId("essay");
            String text = essay.path("text").asString();

            Reply reply =
                    postThroughGateway(
                            API + "/patterns",
                            studentToken,
                            json(patternsRequest(text, "student-demo")),
                            correlationId);

            assertRemoteSuccess(reply, correlationId);
            JsonNode data = reply.json().path("data");
            assertThat(data.path("patterns").path("structure").path("wordCount").asInt())
                    .as("word count of %s", essay.path("id").asString())
                    .isPositive();
            assertThat(data.path("patterns").path("sentiment").path("sentimentLabel").asString())
                    .isIn("positive", "negative", "neutral");
            assertThat(data.path("patterns").path("complexity").path("readabilityLevel").asString())
                    .isIn("basic", "intermediate", "advanced");
            assertThat(data.path("privacyMetadata").path("analysisScope").asString())
                    .isIn("full", "limited");
        }

        long total = 0;
        for (PlatformProcess instance : instances) {
            long served =
                    http.postCount(instance.port(), API + "/patterns", null)
                            - before.get(instance.port());
            assertThat(served).as("essays served by %s", instance.id()).isPositive();
            total += served;
        }
        assertThat(total).isEqualTo(essays.size());
    }

    @Test
    @Order(3)
    void essaysAreClassified() throws Exception {
        for (JsonNode essay : SharedData.essays(10)) {
            String correlationId = newCorrelationId("sensitivity");
            ObjectNode body = HttpCalls.MAPPER.createObjectNode();
            body.put("content", essay.path("text").asString());
            body.putObject("context").put("contentType", "essay");

            Reply reply =
                    postThroughGateway(
                            API + "/sensitivity", studentToken, json(body), correlationId);

            assertRemoteSuccess(reply, correlationId);
            JsonNode data = reply.json().path("data");
            assertThat(data.path("sensitivityLevel").asString())
                    .isIn("high", "medium", "low", "none");
            assertThat(data.path("sensitivityScore").asDouble()).isBetween(0.0, 1.0);
            assertThat(data.path("sensitiveElements").isArray()).isTrue();
            assertThat(data.path("recommendations").isArray()).isTrue();
            assertThat(data.path("redactedContent").isString()).isTrue();
        }
    }

    @Test
    @Order(4)
    void emailAddressesAreDetected() throws Exception {
        List<JsonNode> texts = SharedData.piiWithSpan("EMAIL_ADDRESS", 5);
        assertThat(texts).isNotEmpty();

        for (JsonNode record : texts) {
            String correlationId = newCorrelationId("pii");
            ObjectNode body = HttpCalls.MAPPER.createObjectNode();
            body.put("content", record.path("text").asString());

            Reply reply =
                    postThroughGateway(
                            API + "/sensitivity", studentToken, json(body), correlationId);

            assertRemoteSuccess(reply, correlationId);
            JsonNode data = reply.json().path("data");
            List<String> types = new ArrayList<>();
            data.path("sensitiveElements").forEach(e -> types.add(e.path("type").asString()));
            assertThat(types)
                    .as("element types of %s", record.path("id").asString())
                    .contains("personal_emails");
            assertThat(data.path("sensitivityLevel").asString()).isNotEqualTo("none");
            assertThat(data.path("redactedContent").asString()).doesNotContain(emailOf(record));
        }
    }

    private static String emailOf(JsonNode record) {
        String text = record.path("text").asString();
        for (JsonNode span : record.path("spans")) {
            if ("EMAIL_ADDRESS".equals(span.path("type").asString())) {
                return text.substring(
                        text.offsetByCodePoints(0, span.path("start").asInt()),
                        text.offsetByCodePoints(0, span.path("end").asInt()));
            }
        }
        throw new IllegalArgumentException("record has no email span");
    }

    @Test
    @Order(5)
    void reflectionsAreScored() throws Exception {
        for (JsonNode reflection : SharedData.reflections(10)) {
            String correlationId = newCorrelationId("reflection");
            ObjectNode body = HttpCalls.MAPPER.createObjectNode();
            body.put("reflection", reflection.path("text").asString());
            body.put("userId", "student-demo");
            body.put("purpose", "reflection_assessment");

            Reply reply =
                    postThroughGateway(
                            API + "/reflections/evaluate", studentToken, json(body), correlationId);

            assertRemoteSuccess(reply, correlationId);
            JsonNode data = reply.json().path("data");
            assertThat(UUID.fromString(data.path("reflectionId").asString())).isNotNull();
            assertThat(data.path("quality").path("overall").asInt()).isBetween(0, 100);
            for (String dimension :
                    List.of(
                            "depth",
                            "selfAwareness",
                            "criticalThinking",
                            "growthMindset",
                            "specificity")) {
                assertThat(data.path("quality").path("dimensions").path(dimension).isInt())
                        .as(dimension)
                        .isTrue();
            }
            assertThat(data.path("feedback").isArray()).isTrue();
            assertThat(data.path("progressiveAccess").path("currentLevel").asString())
                    .isIn("restricted", "basic", "standard", "enhanced");
        }
    }

    @Test
    @Order(6)
    void legacyRouteIsForwarded() throws Exception {
        String correlationId = newCorrelationId("legacy");

        Reply reply =
                postThroughGateway(
                        "/api/analytics/classify-sensitivity",
                        studentToken,
                        "{\"content\":\"Please email me at ana.ruiz@example.org.\"}",
                        correlationId);

        assertRemoteSuccess(reply, correlationId);
        assertThat(reply.json().path("message").asString()).isEqualTo("Content classified");
        assertThat(reply.json().path("serviceUsed").asString()).isEqualTo("mcp");
        assertThat(reply.json().path("data").path("sensitivityLevel").asString())
                .isNotEqualTo("none");
    }

    @Test
    @Order(7)
    void invalidCorrelationIdIsReplaced() throws Exception {
        Reply reply =
                postThroughGateway(
                        API + "/sensitivity",
                        studentToken,
                        "{\"content\":\"A short text about my week.\"}",
                        "bad id!");

        assertThat(reply.status()).isEqualTo(200);
        String replaced = reply.header("X-Correlation-ID");
        assertThat(UUID.fromString(replaced)).isNotNull();
        assertThat(reply.json().path("meta").path("correlationId").asString()).isEqualTo(replaced);
    }

    @Test
    @Order(8)
    void missingContentIsInvalidArgument() throws Exception {
        String correlationId = newCorrelationId("invalid");

        Reply reply =
                postThroughGateway(
                        API + "/patterns",
                        studentToken,
                        "{\"userId\":\"student-demo\",\"purpose\":\"writing_improvement\"}",
                        correlationId);

        assertError(reply, 400, "INVALID_ARGUMENT", false, correlationId);
        assertThat(reply.json().path("error").path("details").isArray()).isTrue();
        assertThat(reply.json().path("error").path("details").toString()).contains("content");
    }

    @Test
    @Order(9)
    void unknownPurposeIsInvalidArgument() throws Exception {
        String correlationId = newCorrelationId("purpose");
        ObjectNode body = patternsRequest("A short essay about rivers.", "student-demo");
        body.put("purpose", "marketing");

        Reply reply =
                postThroughGateway(API + "/patterns", studentToken, json(body), correlationId);

        assertError(reply, 400, "INVALID_ARGUMENT", false, correlationId);
        assertThat(reply.response().body()).doesNotContain("marketing");
    }

    @Test
    @Order(10)
    void missingTokenIsUnauthenticated() throws Exception {
        String correlationId = newCorrelationId("no-token");

        Reply reply =
                postThroughGateway(
                        API + "/sensitivity",
                        null,
                        "{\"content\":\"A short text.\"}",
                        correlationId);

        assertError(reply, 401, "UNAUTHENTICATED", false, correlationId);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    @Order(11)
    void foreignTokenIsUnauthenticated() throws Exception {
        String correlationId = newCorrelationId("foreign");
        // Right issuer, audience and key id, but signed by a key that identity does not publish.
        String foreign =
                userToken(
                        SigningKeys.generate(DevKeys.USER_TOKEN_ISSUER_KID),
                        identityUrl,
                        "platform-api",
                        Duration.ofMinutes(15));

        Reply reply =
                postThroughGateway(
                        API + "/sensitivity",
                        foreign,
                        "{\"content\":\"A short text.\"}",
                        correlationId);

        assertError(reply, 401, "UNAUTHENTICATED", false, correlationId);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    @Order(12)
    void unknownApiRouteIsNotFound() throws Exception {
        String correlationId = newCorrelationId("route");

        Reply reply =
                postThroughGateway(
                        "/api/no-such-service/things", studentToken, "{}", correlationId);

        assertError(reply, 404, "ROUTE_NOT_FOUND", false, correlationId);
    }

    @Test
    @Order(13)
    void bodyOverGatewayLimitIsRejected() throws Exception {
        String correlationId = newCorrelationId("too-large");
        long servedBefore = servedByInstances(null);
        // 6,000,000 bytes are above the gateway's 5 MB limit whether it counts 10^6 or 2^20.
        String body = "{\"content\":\"" + "a".repeat(6_000_000) + "\"}";

        Reply reply = postThroughGateway(API + "/sensitivity", studentToken, body, correlationId);

        assertError(reply, 413, "PAYLOAD_TOO_LARGE", false, correlationId);
        assertThat(servedByInstances(null)).isEqualTo(servedBefore);
    }

    @Test
    @Order(14)
    void bodyOverServiceLimitIsRejectedByService() throws Exception {
        String correlationId = newCorrelationId("over-mib");
        long rejectedBefore = servedByInstances("413");
        // 1,100,000 bytes pass the gateway (5 MB) but not the service (1 MiB = 1,048,576 bytes).
        String body = "{\"content\":\"" + "a".repeat(1_100_000) + "\"}";

        Reply reply = postThroughGateway(API + "/sensitivity", studentToken, body, correlationId);

        assertError(reply, 413, "PAYLOAD_TOO_LARGE", false, correlationId);
        assertThat(servedByInstances("413")).isEqualTo(rejectedBefore + 1);
    }

    @Test
    @Order(15)
    void identityTokenOfEducatorWorksThroughGateway() throws Exception {
        String correlationId = newCorrelationId("identity-educator");
        String educatorToken = tokenFor("educator-demo");

        Reply reply =
                postThroughGateway(
                        API + "/sensitivity",
                        educatorToken,
                        "{\"content\":\"A short text.\"}",
                        correlationId);

        assertRemoteSuccess(reply, correlationId);
        assertThat(SignedJWT.parse(educatorToken).getJWTClaimsSet().getIssuer())
                .isEqualTo(identityUrl);
    }

    @Test
    @Order(16)
    void unsignedTokenIsUnauthenticated() throws Exception {
        SignedJWT valid = SignedJWT.parse(studentToken);
        String unsigned = new PlainJWT(valid.getJWTClaimsSet()).serialize();

        Reply reply =
                postThroughGateway(
                        API + "/sensitivity", unsigned, "{\"content\":\"A short text.\"}", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    @Order(17)
    void expiredTokenIsUnauthenticated() throws Exception {
        ECKey identityKey = SigningKeys.readPrivate(DevKeys.userTokenIssuerFile(runner.keysDir()));
        // Beyond the verifier's 30 s clock skew.
        String expired =
                userToken(identityKey, identityUrl, "platform-api", Duration.ofMinutes(-2));

        Reply reply =
                postThroughGateway(
                        API + "/sensitivity", expired, "{\"content\":\"A short text.\"}", null);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    @Order(18)
    void wrongAudienceIsUnauthenticated() throws Exception {
        ECKey identityKey = SigningKeys.readPrivate(DevKeys.userTokenIssuerFile(runner.keysDir()));
        String otherAudience =
                userToken(identityKey, identityUrl, "writing-analysis", Duration.ofMinutes(15));

        Reply reply =
                postThroughGateway(
                        API + "/sensitivity",
                        otherAudience,
                        "{\"content\":\"A short text.\"}",
                        null);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    @Order(19)
    void directCallWithoutServiceTokenIsUnauthenticated() throws Exception {
        PlatformProcess instance = instances.get(0);

        Reply reply =
                http.post(
                        URI.create("http://127.0.0.1:" + instance.port() + API + "/sensitivity"),
                        Map.of(
                                "Content-Type",
                                "application/json",
                                UserAssertions.HEADER,
                                studentAssertion()),
                        "{\"content\":\"A short text.\"}");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    @Order(20)
    void directMcpCallWithoutMcpScopeIsForbidden() throws Exception {
        PlatformProcess instance = instances.get(0);
        ServiceTokenClient gatewayClient =
                new ServiceTokenClient(
                        URI.create(identityUrl + "/oauth2/token"),
                        "gateway",
                        readFirstLine(DevKeys.clientSecretFile(runner.keysDir(), "gateway")),
                        Duration.ofSeconds(10),
                        Clock.systemUTC());
        String apiOnly = gatewayClient.token(WRITING_ANALYSIS, ServiceTokens.SCOPE_API_INVOKE);
        String initialize =
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                        + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"e2e\",\"version\":\"1\"}}}";

        Reply mcp =
                http.post(
                        URI.create("http://127.0.0.1:" + instance.port() + "/mcp"),
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "Accept",
                                "application/json, text/event-stream",
                                "Authorization",
                                "Bearer " + apiOnly,
                                UserAssertions.HEADER,
                                studentAssertion()),
                        initialize);
        Reply api =
                http.post(
                        URI.create("http://127.0.0.1:" + instance.port() + API + "/sensitivity"),
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "Authorization",
                                "Bearer " + apiOnly,
                                UserAssertions.HEADER,
                                studentAssertion()),
                        "{\"content\":\"A short text.\"}");

        assertThat(mcp.status()).isEqualTo(403);
        assertThat(mcp.json().path("error").path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(api.status()).as("the same token on the HTTP API").isEqualTo(200);
    }

    /** Signs a user assertion for student-demo with the gateway's key, as the gateway does. */
    private static String studentAssertion() {
        return TokenIssuer.userAssertions(
                        SigningKeys.readPrivate(DevKeys.gatewayAssertionFile(runner.keysDir())),
                        Clock.systemUTC())
                .issue(DemoUsers.byId("student-demo"));
    }

    /** Sums the POST requests that the instances served, on any path, optionally of one status. */
    private static final String LEGACY_CLASSIFY = "/api/analytics/classify-sensitivity";

    private static long servedByInstances(String status) throws Exception {
        long total = 0;
        for (PlatformProcess instance : instances) {
            total += http.postCount(instance.port(), "", status);
        }
        return total;
    }

    @Test
    @Order(100)
    void noInstance_tieredReadDegrades_andTheProxyChainGivesUpstreamUnavailable() throws Exception {
        for (PlatformProcess instance : instances) {
            assertThat(runner.stopGracefully(instance))
                    .as("%s stopped within the time limit", instance.id())
                    .isTrue();
        }

        // The legacy paths stay on the proxy chain, so they show when the gateway stops routing.
        await("gateway to stop routing")
                .atMost(START_TIMEOUT)
                .pollInterval(POLL_INTERVAL)
                .until(
                        () ->
                                postThroughGateway(
                                                        LEGACY_CLASSIFY,
                                                        studentToken,
                                                        "{\"content\":\"Anyone there?\"}",
                                                        null)
                                                .status()
                                        == 503);
        String correlationId = newCorrelationId("unavailable");

        Reply proxied =
                postThroughGateway(
                        LEGACY_CLASSIFY,
                        studentToken,
                        "{\"content\":\"Anyone there?\"}",
                        correlationId);

        assertError(proxied, 503, "UPSTREAM_UNAVAILABLE", true, correlationId);
        assertThat(Integer.parseInt(proxied.header("Retry-After"))).isBetween(1, 300);

        // The tiered canonical route answers classification from a lower tier instead (AR-11).
        Reply degraded =
                postThroughGateway(
                        API + "/sensitivity",
                        studentToken,
                        "{\"content\":\"Sometimes I want to hurt myself.\"}",
                        newCorrelationId("degraded"));

        assertThat(degraded.status()).as("body %s", degraded.response().body()).isEqualTo(200);
        assertThat(degraded.header("X-Degraded")).isEqualTo("true");
        assertThat(degraded.header("X-Service-Tier")).isIn("local", "heuristic");
        assertThat(degraded.json().at("/meta/degraded").asBoolean()).isTrue();
        assertThat(degraded.json().at("/data/sensitivityLevel").asString()).isEqualTo("high");
    }
}
