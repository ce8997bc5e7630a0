package dev.scribe.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.ServiceClaims;
import dev.scribe.platform.security.ServiceTokenClient;
import dev.scribe.platform.security.ServiceTokenException;
import dev.scribe.platform.security.ServiceTokenVerifier;
import dev.scribe.platform.security.TokenVerifier;
import dev.scribe.platform.security.UserClaims;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the whole identity service on a random loopback port with an H2 file database. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "spring.cloud.discovery.enabled=false"})
class IdentityServiceTest {

    private static final String DEMO_PASSWORD = "demo-password-for-tests-1";
    private static final String GATEWAY_SECRET = "gateway-secret-for-tests-0123456789";
    private static final String ISSUER = "http://127.0.0.1/identity-test";
    private static final Path DIR = createDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Files.writeString(DIR.resolve("demo-password"), DEMO_PASSWORD + "\n");
        registry.add("platform.data-dir", DIR::toString);
        registry.add("platform.identity.issuer", () -> ISSUER);
        registry.add("platform.identity.demo.password-file", () -> DIR.resolve("demo-password"));
        registry.add("platform.identity.clients[0].id", () -> "gateway");
        registry.add("platform.identity.clients[0].secret", () -> GATEWAY_SECRET);
        registry.add("platform.identity.clients[0].scopes", () -> "mcp:invoke,api:invoke");
        registry.add("platform.identity.clients[0].audiences", () -> "writing-analysis");
    }

    private static Path createDir() {
        try {
            return Files.createTempDirectory("identity-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signIn_returnsUserTokenWithPlatformClaims() throws Exception {
        HttpResponse<String> response =
                signIn("{\"username\":\"educator-demo\",\"password\":\"" + DEMO_PASSWORD + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = JSON.readTree(response.body()).get("data");
        assertThat(data.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(data.get("expiresIn").asLong()).isEqualTo(900);
        String token = data.get("accessToken").asString();

        UserClaims claims =
                TokenVerifier.forJwksUri(jwksUri(), ISSUER, "platform-api", Clock.systemUTC())
                        .verify(token);
        assertThat(claims)
                .isEqualTo(
                        new UserClaims(
                                "educator-demo",
                                Role.EDUCATOR,
                                "inst-demo",
                                List.of("course-demo-101"),
                                1));

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        JWTClaimsSet set = jwt.getJWTClaimsSet();
        assertThat(set.getClaims().keySet())
                .containsExactlyInAnyOrder(
                        "iss", "aud", "sub", "role", "inst", "tv", "jti", "iat", "exp", "courses");
        assertThat(
                        Duration.between(
                                set.getIssueTime().toInstant(),
                                set.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void signIn_failuresShareOneMessage() throws Exception {
        HttpResponse<String> wrongPassword =
                signIn("{\"username\":\"student-demo\",\"password\":\"not-the-password\"}");
        HttpResponse<String> unknownUser =
                signIn("{\"username\":\"nobody\",\"password\":\"" + DEMO_PASSWORD + "\"}");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        JsonNode first = JSON.readTree(wrongPassword.body()).get("error");
        JsonNode second = JSON.readTree(unknownUser.body()).get("error");
        assertThat(first.get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(first.get("message").asString())
                .isEqualTo(second.get("message").asString())
                .doesNotContain("nobody");
    }

    @Test
    void signIn_roleFieldIsRejected() throws Exception {
        HttpResponse<String> response =
                signIn(
                        "{\"username\":\"student-demo\",\"password\":\""
                                + DEMO_PASSWORD
                                + "\",\"role\":\"ADMINISTRATOR\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.get("details").get(0).get("field").asString()).isEqualTo("role");
    }

    @Test
    void signIn_missingPasswordAndBadJsonAre400() throws Exception {
        HttpResponse<String> missing = signIn("{\"username\":\"student-demo\"}");
        HttpResponse<String> broken = signIn("{\"username\":");

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(
                        JSON.readTree(missing.body())
                                .get("error")
                                .get("details")
                                .get(0)
                                .get("field")
                                .asString())
                .isEqualTo("password");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(broken.body()).get("error").get("code").asString())
                .isEqualTo("INVALID_ARGUMENT");
    }

    @Test
    void clientCredentials_tokenCarriesAudienceScopesAndLifetime() throws Exception {
        ServiceTokenClient client = client(GATEWAY_SECRET, Clock.systemUTC());

        String token = client.token("writing-analysis", "mcp:invoke api:invoke");

        ServiceClaims claims =
                ServiceTokenVerifier.forJwksUri(
                                jwksUri(), ISSUER, "writing-analysis", Clock.systemUTC())
                        .verify(token);
        assertThat(claims.subject()).isEqualTo("gateway");
        assertThat(claims.scopes()).isEqualTo(Set.of("mcp:invoke", "api:invoke"));
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        JWTClaimsSet set = jwt.getJWTClaimsSet();
        assertThat(set.getAudience()).containsExactly("writing-analysis");
        assertThat(
                        Duration.between(
                                set.getIssueTime().toInstant(),
                                set.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void clientCredentials_scopeSubsetIsGranted() throws Exception {
        String token =
                client(GATEWAY_SECRET, Clock.systemUTC()).token("writing-analysis", "api:invoke");

        ServiceClaims claims =
                ServiceTokenVerifier.forJwksUri(
                                jwksUri(), ISSUER, "writing-analysis", Clock.systemUTC())
                        .verify(token);
        assertThat(claims.scopes()).containsExactly("api:invoke");
    }

    @Test
    void clientCredentials_otherAudienceIsInvalidTarget() {
        ServiceTokenClient client = client(GATEWAY_SECRET, Clock.systemUTC());

        assertThatThrownBy(() -> client.token("identity", "api:invoke"))
                .isInstanceOf(ServiceTokenException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("invalid_target");
    }

    @Test
    void clientCredentials_wrongSecretIsInvalidClient() {
        ServiceTokenClient client = client("wrong-secret-0123456789", Clock.systemUTC());

        assertThatThrownBy(() -> client.token("writing-analysis", "api:invoke"))
                .isInstanceOf(ServiceTokenException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void serviceTokenClient_reusesTokenUntilEightyPercent() throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock =
                new Clock() {
                    @Override
                    public ZoneOffset getZone() {
                        return ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }

                    @Override
                    public Instant instant() {
                        return now.get();
                    }
                };
        ServiceTokenClient client = client(GATEWAY_SECRET, clock);

        String first = client.token("writing-analysis", "api:invoke");
        now.set(now.get().plusSeconds(239));
        String beforeRenewal = client.token("writing-analysis", "api:invoke");
        now.set(now.get().plusSeconds(2));
        String afterRenewal = client.token("writing-analysis", "api:invoke");

        assertThat(beforeRenewal).isEqualTo(first);
        assertThat(client.cachedToken("writing-analysis", "api:invoke")).contains(afterRenewal);
        assertThat(afterRenewal).isNotEqualTo(first);
    }

    @Test
    void jwks_isPublishedAtBothPaths() throws Exception {
        HttpResponse<String> wellKnown = get("/.well-known/jwks.json");
        HttpResponse<String> sas = get("/oauth2/jwks");

        assertThat(wellKnown.statusCode()).isEqualTo(200);
        assertThat(sas.statusCode()).isEqualTo(200);
        JsonNode key = JSON.readTree(wellKnown.body()).get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("EC");
        assertThat(key.get("crv").asString()).isEqualTo("P-256");
        assertThat(key.has("d")).as("private part").isFalse();
        assertThat(JSON.readTree(sas.body()).get("keys").get(0).get("kid").asString())
                .isEqualTo(key.get("kid").asString());
    }

    @Test
    void otherPaths_areDenied() throws Exception {
        HttpResponse<String> denied = get("/api/users");

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(denied.body()).get("error").get("code").asString())
                .isEqualTo("FORBIDDEN");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    private ServiceTokenClient client(String secret, Clock clock) {
        return new ServiceTokenClient(
                URI.create("http://127.0.0.1:" + port + "/oauth2/token"),
                "gateway",
                secret,
                Duration.ofSeconds(10),
                clock);
    }

    private String jwksUri() {
        return "http://127.0.0.1:" + port + "/.well-known/jwks.json";
    }

    private HttpResponse<String> signIn(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
