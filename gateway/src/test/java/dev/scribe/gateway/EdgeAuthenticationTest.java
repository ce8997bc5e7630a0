package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.scribe.platform.security.Role;
import dev.scribe.platform.security.UserClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Bearer token verification at the edge: every failure is a 401 and nothing is forwarded. */
class EdgeAuthenticationTest extends GatewayTestSupport {

    private static final String PATH = "/api/writing-analysis/essays/e-1";

    @BeforeEach
    void stubUpstream() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @Test
    void missingTokenIsRejected() {
        WebTestClient.ResponseSpec response = client.get().uri(PATH).exchange();

        expectUnauthenticated(response);
        response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }

    @Test
    void tokenOfForeignKeyIsRejected() {
        String token = issuer(FOREIGN_KEY, ISSUER, AUDIENCE).issue(STUDENT);

        expectUnauthenticated(send("Bearer " + token));
    }

    @Test
    void unsignedTokenIsRejected() {
        Instant now = Instant.now();
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience(AUDIENCE)
                        .subject("student-demo")
                        .claim("role", "ADMINISTRATOR")
                        .claim("inst", "inst-demo")
                        .claim("courses", List.of())
                        .claim("tv", 1)
                        .issueTime(Date.from(now))
                        .notBeforeTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                        .build();
        String token = new PlainJWT(claims).serialize();
        assertThat(token).endsWith(".");

        expectUnauthenticated(send("Bearer " + token));
    }

    @Test
    void expiredTokenIsRejected() {
        String token =
                issuer(USER_TOKEN_KEY, ISSUER, AUDIENCE).issue(STUDENT, Duration.ofMinutes(-5));

        expectUnauthenticated(send("Bearer " + token));
    }

    @Test
    void wrongAudienceIsRejected() {
        String token = issuer(USER_TOKEN_KEY, ISSUER, "internal").issue(STUDENT);

        expectUnauthenticated(send("Bearer " + token));
    }

    @Test
    void wrongIssuerIsRejected() {
        String token = issuer(USER_TOKEN_KEY, "someone-else", AUDIENCE).issue(STUDENT);

        expectUnauthenticated(send("Bearer " + token));
    }

    @Test
    void systemRoleTokenIsRejected() {
        UserClaims system =
                new UserClaims("consent-service", Role.SYSTEM, "inst-demo", List.of(), 1);

        expectUnauthenticated(send("Bearer " + tokenFor(system)));
    }

    @Test
    void malformedAuthorizationIsRejected() {
        for (String value :
                new String[] {"Basic dXNlcjpwYXNz", "Bearer", "Bearer not a token", "garbage"}) {
            expectUnauthenticated(send(value));
        }
    }

    @Test
    void validTokenIsForwarded() {
        send("Bearer " + tokenFor(STUDENT)).expectStatus().isOk();

        assertThat(UPSTREAM.getAllServeEvents()).hasSize(1);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        send("bearer " + tokenFor(STUDENT)).expectStatus().isOk();
    }

    @Test
    void roleRouteRejectsOtherRoles() {
        client.get()
                .uri("/api/analytics/educator-reports/course-demo-101")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(STUDENT))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.error.code")
                .isEqualTo("FORBIDDEN");

        assertThat(UPSTREAM.getAllServeEvents()).isEmpty();
    }

    @Test
    void roleRouteAdmitsListedRole() {
        UserClaims educator =
                new UserClaims(
                        "educator-demo", Role.EDUCATOR, "inst-demo", List.of("course-demo-101"), 1);

        client.get()
                .uri("/api/analytics/educator-reports/course-demo-101")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(educator))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec send(String authorization) {
        return client.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, authorization).exchange();
    }

    private static void expectUnauthenticated(WebTestClient.ResponseSpec response) {
        response.expectStatus()
                .isUnauthorized()
                .expectHeader()
                .value(
                        HttpHeaders.WWW_AUTHENTICATE,
                        value -> assertThat(value).startsWith("Bearer"))
                .expectHeader()
                .exists("X-Correlation-ID")
                .expectBody()
                .jsonPath("$.success")
                .isEqualTo(false)
                .jsonPath("$.error.code")
                .isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.error.retryable")
                .isEqualTo(false);

        assertThat(UPSTREAM.getAllServeEvents()).isEmpty();
    }
}
