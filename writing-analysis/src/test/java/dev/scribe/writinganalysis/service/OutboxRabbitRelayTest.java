package dev.scribe.writinganalysis.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import dev.scribe.writinganalysis.ServiceTestSupport;
import dev.scribe.writinganalysis.core.json.Json;
import dev.scribe.writinganalysis.core.port.EventEnvelope;
import dev.scribe.writinganalysis.core.port.EventPublisher;
import dev.scribe.writinganalysis.domain.EventPayloadCipher;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outbox relay against the real RabbitMQ at 127.0.0.1:5672, reached through a proxy that the
 * test pauses: events written while the broker is unreachable are all delivered after it returns,
 * each id at least once, in order per subject. Exchanges get a random prefix and are deleted
 * afterwards. Skipped when no broker accepts connections.
 */
class OutboxRabbitRelayTest extends ServiceTestSupport {

    private static final int BROKER_PORT = 5672;
    private static final String PREFIX =
            "wa-test-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private static final List<String> EXCHANGES =
            List.of(
                    "domain.events",
                    "privacy.audit",
                    "privacy.consent",
                    "privacy.compliance",
                    "privacy.alerts",
                    "privacy.dlx");
    private static final int EVENTS = 30;
    private static final List<String> SUBJECTS =
            List.of("a".repeat(64), "b".repeat(64), "c".repeat(64));

    private static PausableTcpProxy proxy;

    @DynamicPropertySource
    static void rabbitProperties(DynamicPropertyRegistry registry) throws IOException {
        Assumptions.assumeTrue(
                brokerReachable(), "RabbitMQ is not reachable at 127.0.0.1:5672; skipping");
        proxy = new PausableTcpProxy(BROKER_PORT);
        OwnDatabase.register(registry, "wa-rabbit-test");
        registry.add("platform.outbox.transport", () -> "rabbitmq");
        registry.add("platform.outbox.rabbitmq.exchange-prefix", () -> PREFIX);
        registry.add("platform.outbox.relay-interval-ms", () -> "100");
        registry.add("platform.outbox.retry-initial-ms", () -> "50");
        registry.add("platform.outbox.retry-max-ms", () -> "400");
        registry.add("spring.rabbitmq.port", () -> proxy.port());
        registry.add("spring.rabbitmq.connection-timeout", () -> "2s");
    }

    @Autowired EventPublisher events;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcClient jdbc;
    @Autowired EventPayloadCipher payloads;

    @Test
    void brokerOutage_losesNoEventAndKeepsSubjectOrder() throws Exception {
        String correlationId = "rabbit-outage-" + UUID.randomUUID();
        List<Received> received = new CopyOnWriteArrayList<>();

        try (Connection connection = directConnection();
                Channel channel = connection.createChannel()) {
            String queue = bindTestQueue(channel, "domain.events", "#");
            String privacyQueue =
                    bindTestQueue(channel, "privacy.compliance", "privacy.retention.action");
            consume(channel, queue, received);
            consume(channel, privacyQueue, received);

            proxy.pause();
            List<String> written = writeEvents(correlationId);
            String privacyEventId = writePrivacyEvent(correlationId);

            // The relay tries while the broker is unreachable and records the failures.
            await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(written) > 0);
            assertThat(ofCorrelation(received, correlationId)).isEmpty();

            proxy.resume();
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    distinctIds(ofCorrelation(received, correlationId)).size()
                                            == EVENTS + 1);

            List<Received> mine = ofCorrelation(received, correlationId);
            Set<String> ids = distinctIds(mine);
            assertThat(ids).hasSize(EVENTS + 1);
            assertThat(ids).containsAll(written);
            assertThat(ids).contains(privacyEventId);
            assertSubjectOrder(mine);

            Received sample = mine.get(0);
            assertThat(sample.properties().getDeliveryMode()).isEqualTo(2);
            assertThat(sample.properties().getHeaders().get("X-Correlation-ID").toString())
                    .isEqualTo(correlationId);
            assertThat(sample.properties().getHeaders().get("traceparent").toString())
                    .startsWith("00-");
            assertThat(sample.properties().getContentType()).isEqualTo("application/json");
            Received privacy =
                    mine.stream()
                            .filter(r -> r.messageId().equals(privacyEventId))
                            .findFirst()
                            .orElseThrow();
            assertThat(privacy.exchange()).isEqualTo(PREFIX + "privacy.compliance");
            assertThat(privacy.routingKey()).isEqualTo("privacy.retention.action");

            await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(written) == 0);
        }
    }

    private List<String> writeEvents(String correlationId) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String subject = SUBJECTS.get(i % SUBJECTS.size());
            ObjectNode payload = Json.object();
            payload.put("subjectPseudonym", subject);
            payload.put("sensitivityLevel", "none");
            payload.put("sequence", i);
            EventEnvelope event =
                    new EventEnvelope(
                            UUID.randomUUID().toString(),
                            "writing.analyzed",
                            1,
                            Instant.now(),
                            "writing-analysis",
                            correlationId,
                            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                            subject,
                            new EventEnvelope.Metadata(null, null, "analyze_writing_patterns"),
                            "confidential",
                            new EventEnvelope.PrivacyContext(
                                    true, true, "writing_improvement", 365),
                            false,
                            null,
                            null,
                            payload);
            transaction.executeWithoutResult(status -> events.publish(event));
            ids.add(event.eventId());
        }
        return ids;
    }

    private String writePrivacyEvent(String correlationId) {
        ObjectNode payload = Json.object();
        payload.put("action", "delete");
        payload.put("dataType", "progress_data");
        payload.put("reason", "policy-expiration");
        payload.put("recordCount", 0);
        payload.put("irreversible", true);
        EventEnvelope event =
                new EventEnvelope(
                        UUID.randomUUID().toString(),
                        "privacy.retention.action",
                        1,
                        Instant.now(),
                        "writing-analysis",
                        correlationId,
                        null,
                        null,
                        new EventEnvelope.Metadata(null, null, "retention"),
                        "restricted",
                        new EventEnvelope.PrivacyContext(true, false, null, 730),
                        false,
                        null,
                        "compliance",
                        payload);
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> events.publish(event));
        return event.eventId();
    }

    /** Checks that each subject's first deliveries arrive in the order the events were written. */
    private void assertSubjectOrder(List<Received> received) {
        Map<String, List<Integer>> sequences = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Received message : received) {
            if (!seen.add(message.messageId())
                    || !message.body().path("type").asString().equals("writing.analyzed")) {
                continue;
            }
            // Events about one student arrive with an encrypted payload.
            assertThat(message.body().path("encrypted").asBoolean()).isTrue();
            assertThat(message.body().path("payload").has("sequence")).isFalse();
            JsonNode payload = payloads.payload(message.body());
            if (!payload.has("sequence")) {
                continue;
            }
            sequences
                    .computeIfAbsent(
                            message.body().path("subjectPseudonym").asString(),
                            subject -> new ArrayList<>())
                    .add(payload.path("sequence").asInt());
        }
        assertThat(sequences).hasSize(SUBJECTS.size());
        for (Map.Entry<String, List<Integer>> subject : sequences.entrySet()) {
            assertThat(subject.getValue()).as("order of subject %s", subject.getKey()).isSorted();
        }
    }

    private long failedAttempts(List<String> eventIds) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM outbox_delivery d JOIN outbox_event e ON e.id ="
                                + " d.outbox_id WHERE e.event_id IN (:ids) AND d.attempts > 0 AND"
                                + " d.published_at IS NULL AND d.last_error IS NOT NULL")
                .param("ids", eventIds)
                .query(Long.class)
                .single();
    }

    private long unpublished(List<String> eventIds) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM outbox_delivery d JOIN outbox_event e ON e.id ="
                                + " d.outbox_id WHERE e.event_id IN (:ids) AND d.published_at IS"
                                + " NULL")
                .param("ids", eventIds)
                .query(Long.class)
                .single();
    }

    private static String bindTestQueue(Channel channel, String exchange, String bindingKey)
            throws IOException {
        String type =
                switch (exchange) {
                    case "privacy.compliance" -> "direct";
                    default -> "topic";
                };
        // Same type and durability as the service declares, so the declarations agree.
        channel.exchangeDeclare(PREFIX + exchange, type, true);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, PREFIX + exchange, bindingKey);
        return queue;
    }

    private static void consume(Channel channel, String queue, List<Received> received)
            throws IOException {
        DeliverCallback callback =
                (tag, delivery) ->
                        received.add(
                                new Received(
                                        delivery.getProperties().getMessageId(),
                                        delivery.getEnvelope().getExchange(),
                                        delivery.getEnvelope().getRoutingKey(),
                                        delivery.getProperties(),
                                        JSON.readTree(
                                                new String(
                                                        delivery.getBody(),
                                                        StandardCharsets.UTF_8))));
        channel.basicConsume(queue, true, callback, tag -> {});
    }

    private static List<Received> ofCorrelation(List<Received> received, String correlationId) {
        return received.stream()
                .filter(r -> r.body().path("correlationId").asString().equals(correlationId))
                .toList();
    }

    private static Set<String> distinctIds(List<Received> received) {
        Set<String> ids = new LinkedHashSet<>();
        for (Received message : received) {
            ids.add(message.messageId());
        }
        return ids;
    }

    private static Connection directConnection() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(BROKER_PORT);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setConnectionTimeout(5000);
        return factory.newConnection("wa-outbox-test-consumer");
    }

    private static boolean brokerReachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", BROKER_PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    static void deleteExchangesAndStopProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (!brokerReachable()) {
            return;
        }
        try (Connection connection = directConnection();
                Channel channel = connection.createChannel()) {
            channel.queueDelete(PREFIX + "privacy.dlq");
            for (String exchange : EXCHANGES) {
                channel.exchangeDelete(PREFIX + exchange);
            }
        }
    }

    private record Received(
            String messageId,
            String exchange,
            String routingKey,
            AMQP.BasicProperties properties,
            JsonNode body) {}
}
