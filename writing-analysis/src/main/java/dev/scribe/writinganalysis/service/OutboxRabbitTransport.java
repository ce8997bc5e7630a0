package dev.scribe.writinganalysis.service;

import dev.scribe.writinganalysis.config.OutboxProperties;
import dev.scribe.writinganalysis.config.OutboxRabbitTopology;
import dev.scribe.writinganalysis.domain.OutboxRow;
import java.nio.charset.StandardCharsets;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Publishes events to RabbitMQ: domain events to {@code domain.events}, privacy events to the
 * {@code privacy.*} exchange of their category, routing key = event type, persistent, message id =
 * event id, with the {@code traceparent} and {@code X-Correlation-ID} headers. A delivery counts
 * only after the broker's publisher confirm (the connection factory uses simple confirms, {@code
 * spring.rabbitmq.publisher-confirm-type=simple}).
 */
@Component
@ConditionalOnProperty(name = "platform.outbox.transport", havingValue = "rabbitmq")
public class OutboxRabbitTransport implements OutboxTransport {

    static final String CORRELATION_HEADER = "X-Correlation-ID";
    static final String TRACEPARENT_HEADER = "traceparent";

    private final RabbitTemplate template;
    private final OutboxRabbitTopology topology;
    private final OutboxProperties properties;

    public OutboxRabbitTransport(
            RabbitTemplate template, OutboxRabbitTopology topology, OutboxProperties properties) {
        this.template = template;
        this.topology = topology;
        this.properties = properties;
    }

    @Override
    public void deliver(OutboxRow row) {
        Message message = message(row);
        String exchange = topology.exchangeFor(row.type(), category(row.envelope()));
        try {
            template.invoke(
                    operations -> {
                        operations.send(exchange, row.type(), message);
                        operations.waitForConfirmsOrDie(properties.rabbitmq().confirmTimeoutMs());
                        return null;
                    });
        } catch (AmqpConnectException | AmqpIOException e) {
            // Both come from opening the connection or a channel, so the broker is unreachable.
            throw new TransportUnavailableException(
                    "RabbitMQ is not reachable: " + e.getMessage(), e);
        }
    }

    private static Message message(OutboxRow row) {
        MessageProperties headers = new MessageProperties();
        headers.setMessageId(row.eventId());
        headers.setType(row.type());
        headers.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        headers.setContentEncoding(StandardCharsets.UTF_8.name());
        headers.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        headers.setAppId("writing-analysis");

        JsonNode correlationId = row.envelope().path("correlationId");
        if (correlationId.isString()) {
            headers.setHeader(CORRELATION_HEADER, correlationId.asString());
        }
        JsonNode traceparent = row.envelope().path("traceparent");
        if (traceparent.isString()) {
            headers.setHeader(TRACEPARENT_HEADER, traceparent.asString());
        }
        return new Message(row.envelope().toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    private static String category(JsonNode envelope) {
        JsonNode category = envelope.path("category");
        return category.isString() ? category.asString() : null;
    }
}
