package dev.scribe.writinganalysis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.scribe.writinganalysis.TestAssertions;
import dev.scribe.writinganalysis.WritingAnalysisApplication;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import dev.scribe.writinganalysis.service.OutboxRabbitTransport;
import dev.scribe.writinganalysis.service.OutboxTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code postgres,distributed} profile combination as an operator starts it (with an in-memory
 * H2 database in place of PostgreSQL): the relay publishes to the real RabbitMQ at 127.0.0.1:5672.
 * Exchanges get a random prefix and are deleted afterwards. Skipped when no broker accepts
 * connections.
 */
class DistributedProfileTest {

    private static final List<String> EXCHANGES =
            List.of(
                    "domain.events",
                    "privacy.audit",
                    "privacy.consent",
                    "privacy.compliance",
                    "privacy.alerts",
                    "privacy.dlx");

    @TempDir Path dataDir;

    @Test
    void distributedProfile_publishesToRabbitMq() throws Exception {
        Assumptions.assumeTrue(brokerReachable(), "RabbitMQ is not reachable; skipping");
        String prefix = "wa-dist-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        try (Connection connection = connection();
                Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(prefix + "domain.events", "topic", true);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, prefix + "domain.events", "insights.generated");

            try (ConfigurableApplicationContext context = start(prefix, key)) {
                assertThat(context.getBean(OutboxTransport.class))
                        .isInstanceOf(OutboxRabbitTransport.class);
                String eventId = publish(context);

                AtomicReference<GetResponse> received = new AtomicReference<>();
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () -> {
                                    if (received.get() == null) {
                                        received.set(channel.basicGet(queue, true));
                                    }
                                    return received.get() != null;
                                });
                JsonNode body =
                        Json.mapper()
                                .readTree(
                                        new String(
                                                received.get().getBody(), StandardCharsets.UTF_8));
                assertThat(received.get().getProps().getMessageId()).isEqualTo(eventId);
                assertThat(body.path("type").asString()).isEqualTo("insights.generated");
            } finally {
                channel.queueDelete(prefix + "privacy.dlq");
                for (String exchange : EXCHANGES) {
                    channel.exchangeDelete(prefix + exchange);
                }
            }
        }
    }

    private ConfigurableApplicationContext start(String prefix, String key) {
        return new SpringApplicationBuilder(WritingAnalysisApplication.class)
                .profiles("postgres", "distributed")
                .properties(
                        "server.port=0",
                        "eureka.client.enabled=false",
                        "spring.cloud.discovery.enabled=false",
                        "spring.datasource.url=jdbc:h2:mem:distributed-" + UUID.randomUUID(),
                        "spring.datasource.username=sa",
                        "platform.data-dir=" + dataDir,
                        "platform.security.assertion.jwks-file="
                                + TestAssertions.shared().jwksFile(),
                        "platform.security.service-token.jwks-file="
                                + TestAssertions.shared().identityJwksFile(),
                        "platform.security.service-token.issuer="
                                + TestAssertions.SERVICE_TOKEN_ISSUER,
                        "platform.privacy.pseudonymization-key=" + "p".repeat(32),
                        "platform.privacy.audit-checkpoint-key=" + "c".repeat(32),
                        "platform.encryption.keys.dist-1=" + key,
                        "platform.encryption.active-key-id=dist-1",
                        "platform.outbox.rabbitmq.exchange-prefix=" + prefix,
                        "platform.outbox.relay-interval-ms=100")
                .run();
    }

    private static String publish(ConfigurableApplicationContext context) {
        ObjectNode payload = Json.object();
        payload.put("scope", "class");
        EventEnvelope event =
                new EventEnvelope(
                        UUID.randomUUID().toString(),
                        "insights.generated",
                        1,
                        Instant.now(),
                        "writing-analysis",
                        "distributed-profile-test",
                        null,
                        null,
                        new EventEnvelope.Metadata("course-demo-101", null, "insights"),
                        "restricted",
                        new EventEnvelope.PrivacyContext(true, true, "course_improvement", 365),
                        false,
                        null,
                        null,
                        payload);
        new TransactionTemplate(context.getBean(PlatformTransactionManager.class))
                .executeWithoutResult(
                        status -> context.getBean(EventPublisher.class).publish(event));
        return event.eventId();
    }

    private static Connection connection() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setConnectionTimeout(5000);
        return factory.newConnection("wa-distributed-profile-test");
    }

    private static boolean brokerReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
