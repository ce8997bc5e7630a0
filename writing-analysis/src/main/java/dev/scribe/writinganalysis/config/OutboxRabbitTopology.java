package dev.scribe.writinganalysis.config;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's RabbitMQ exchanges, declared (durable) by Spring AMQP's admin when the first
 * connection opens: {@code domain.events} (topic), {@code privacy.audit} (topic), {@code
 * privacy.consent} (fanout), {@code privacy.compliance} (direct), {@code privacy.alerts} (topic)
 * and the dead-letter exchange {@code privacy.dlx} (fanout) with its quorum queue {@code
 * privacy.dlq}. Every name gets {@code platform.outbox.rabbitmq.exchange-prefix} in front.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "platform.outbox.transport", havingValue = "rabbitmq")
public class OutboxRabbitTopology {

    private final String prefix;

    public OutboxRabbitTopology(OutboxProperties properties) {
        this.prefix = properties.rabbitmq().exchangePrefix();
    }

    /** Returns the full name of a platform exchange or queue. */
    public String name(String baseName) {
        return prefix + baseName;
    }

    /**
     * Returns the exchange of an event: {@code domain.events} for a domain event (no category), and
     * for a privacy event the exchange of its category ({@code audit}, {@code consent}, {@code
     * compliance}; {@code access} goes to {@code privacy.alerts}, because unauthorised access needs
     * someone's attention).
     *
     * @throws IllegalArgumentException for a category outside the platform's four
     */
    public String exchangeFor(String type, @Nullable String category) {
        if (category == null) {
            return name("domain.events");
        }
        return switch (category) {
            case "audit" -> name("privacy.audit");
            case "consent" -> name("privacy.consent");
            case "compliance" -> name("privacy.compliance");
            case "access" -> name("privacy.alerts");
            default ->
                    throw new IllegalArgumentException(
                            "Event type "
                                    + type
                                    + " has the unknown privacy category '"
                                    + category
                                    + "'; expected audit, consent, compliance or access");
        };
    }

    @Bean
    Declarables outboxExchanges() {
        Exchange domain =
                ExchangeBuilder.topicExchange(name("domain.events")).durable(true).build();
        Exchange audit = ExchangeBuilder.topicExchange(name("privacy.audit")).durable(true).build();
        Exchange consent =
                ExchangeBuilder.fanoutExchange(name("privacy.consent")).durable(true).build();
        Exchange compliance =
                ExchangeBuilder.directExchange(name("privacy.compliance")).durable(true).build();
        Exchange alerts =
                ExchangeBuilder.topicExchange(name("privacy.alerts")).durable(true).build();
        FanoutExchange deadLetters =
                ExchangeBuilder.fanoutExchange(name("privacy.dlx")).durable(true).build();
        Queue deadLetterQueue = QueueBuilder.durable(name("privacy.dlq")).quorum().build();
        Binding deadLetterBinding = BindingBuilder.bind(deadLetterQueue).to(deadLetters);

        List<Declarable> declarables =
                List.of(
                        domain,
                        audit,
                        consent,
                        compliance,
                        alerts,
                        deadLetters,
                        deadLetterQueue,
                        deadLetterBinding);
        return new Declarables(declarables);
    }
}
