package dev.scribe.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Resolves {@code lb://} hosts through the Eureka client. A WireMock server plays the registry and
 * lists an instance of {@code empty-service} that the static instance list of the test profile does
 * not know, so a forwarded request proves that the instance came from Eureka.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=true", "eureka.client.disable-delta=true"})
class EurekaDiscoveryTest extends GatewayTestSupport {

    private static final WireMockServer REGISTRY =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        REGISTRY.start();
        REGISTRY.stubFor(
                get(urlPathEqualTo("/eureka/apps/"))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(applicationsJson(UPSTREAM.port()))));
        REGISTRY.stubFor(
                post(urlPathMatching("/eureka/apps/.*")).willReturn(aResponse().withStatus(204)));
        REGISTRY.stubFor(
                put(urlPathMatching("/eureka/apps/.*")).willReturn(aResponse().withStatus(200)));
    }

    @DynamicPropertySource
    static void registryProperties(DynamicPropertyRegistry registry) {
        registry.add(
                "platform.registry-url", () -> "http://127.0.0.1:" + REGISTRY.port() + "/eureka/");
    }

    @Test
    void instanceFromEurekaReceivesRequest() {
        UPSTREAM.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("found")));

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () ->
                                client.get()
                                        .uri("/api/empty/essays/e-1")
                                        .header(
                                                HttpHeaders.AUTHORIZATION,
                                                "Bearer " + tokenFor(STUDENT))
                                        .exchange()
                                        .expectStatus()
                                        .isOk()
                                        .expectBody(String.class)
                                        .isEqualTo("found"));

        UPSTREAM.verify(getRequestedFor(urlEqualTo("/api/empty/essays/e-1")));
        assertThat(REGISTRY.findAll(getRequestedFor(urlPathEqualTo("/eureka/apps/")))).isNotEmpty();
    }

    @Test
    void gatewayRegistersItself() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                REGISTRY.findAll(
                                                        postRequestedFor(
                                                                urlEqualTo(
                                                                        "/eureka/apps/GATEWAY"))))
                                        .isNotEmpty());
    }

    private static String applicationsJson(int port) {
        return """
                {"applications": {"versions__delta": "1", "apps__hashcode": "UP_1_",
                  "application": [{"name": "EMPTY-SERVICE", "instance": [{
                    "instanceId": "empty-service:%1$d",
                    "hostName": "127.0.0.1",
                    "app": "EMPTY-SERVICE",
                    "ipAddr": "127.0.0.1",
                    "status": "UP",
                    "overriddenStatus": "UNKNOWN",
                    "port": {"$": %1$d, "@enabled": "true"},
                    "securePort": {"$": 443, "@enabled": "false"},
                    "countryId": 1,
                    "dataCenterInfo": {
                      "@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
                      "name": "MyOwn"},
                    "leaseInfo": {"renewalIntervalInSecs": 5, "durationInSecs": 15},
                    "metadata": {},
                    "vipAddress": "empty-service",
                    "secureVipAddress": "empty-service",
                    "isCoordinatingDiscoveryServer": "false",
                    "lastUpdatedTimestamp": "1",
                    "lastDirtyTimestamp": "1",
                    "actionType": "ADDED"}]}]}}
                """
                .formatted(port);
    }
}
