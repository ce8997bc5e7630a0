package dev.scribe.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Runs the registry on a random port and sends it the HTTP requests that Eureka clients send. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RegistryApplicationTest {

    private static final String INSTANCE_JSON =
            """
            {"instance": {
              "instanceId": "writing-analysis:18092",
              "hostName": "127.0.0.1",
              "app": "WRITING-ANALYSIS",
              "ipAddr": "127.0.0.1",
              "vipAddress": "writing-analysis",
              "status": "UP",
              "port": {"$": 18092, "@enabled": "true"},
              "securePort": {"$": 443, "@enabled": "false"},
              "dataCenterInfo": {
                "@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
                "name": "MyOwn"},
              "leaseInfo": {"renewalIntervalInSecs": 5, "durationInSecs": 15}
            }}
            """;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort private int port;

    @Test
    void registeredInstanceIsListed() throws Exception {
        HttpResponse<String> registration =
                send(
                        HttpRequest.newBuilder(uri("/eureka/apps/WRITING-ANALYSIS"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(INSTANCE_JSON)));
        assertThat(registration.statusCode()).isEqualTo(204);

        HttpResponse<String> listing =
                send(
                        HttpRequest.newBuilder(uri("/eureka/apps/WRITING-ANALYSIS"))
                                .header("Accept", "application/json")
                                .GET());
        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.body()).contains("\"instanceId\":\"writing-analysis:18092\"");
        assertThat(listing.body()).contains("\"status\":\"UP\"");
        assertThat(listing.body()).contains("\"ipAddr\":\"127.0.0.1\"");
    }

    @Test
    void instanceGaugeCountsRegistrations() throws Exception {
        send(
                HttpRequest.newBuilder(uri("/eureka/apps/WRITING-ANALYSIS"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(INSTANCE_JSON)));

        HttpResponse<String> metrics =
                send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern(
                        "registry_instances\\{[^}]*service=\"writing-analysis\""
                                + "[^}]*status=\"UP\"[^}]*\\} 1\\.0");
    }

    @Test
    void unknownApplicationIsNotFound() throws Exception {
        HttpResponse<String> listing =
                send(
                        HttpRequest.newBuilder(uri("/eureka/apps/NO-SUCH-SERVICE"))
                                .header("Accept", "application/json")
                                .GET());

        assertThat(listing.statusCode()).isEqualTo(404);
    }

    @Test
    void dashboardIsServedAtRoot() throws Exception {
        HttpResponse<String> dashboard = send(HttpRequest.newBuilder(uri("/")).GET());

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(dashboard.body()).contains("Eureka");
    }

    @Test
    void livenessAndReadinessAreUp() throws Exception {
        for (String probe : new String[] {"liveness", "readiness"}) {
            HttpResponse<String> health =
                    send(HttpRequest.newBuilder(uri("/actuator/health/" + probe)).GET());

            assertThat(health.statusCode()).as(probe).isEqualTo(200);
            assertThat(health.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(
                request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
