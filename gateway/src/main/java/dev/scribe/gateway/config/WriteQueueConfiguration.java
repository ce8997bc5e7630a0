package dev.scribe.gateway.config;

import dev.scribe.gateway.service.QueueBodyCipher;
import io.netty.channel.ChannelOption;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** Beans of the write queue: the body cipher and the HTTP client of the replayer. */
@Configuration(proxyBeanMethods = false)
public class WriteQueueConfiguration {

    @Bean
    QueueBodyCipher queueBodyCipher(WriteQueueProperties properties) {
        return QueueBodyCipher.fromKeyFile(
                properties.bodyKeyFile(), properties.createBodyKeyFile());
    }

    /**
     * Client of the replayer: {@code http://<service>/...} URLs resolved by the load balancer, the
     * gateway's connect timeout. The replayer sets the response timeout per route.
     */
    @Bean
    WebClient writeQueueWebClient(
            LoadBalancedExchangeFilterFunction loadBalancer, GatewayProperties gatewayProperties) {
        HttpClient httpClient =
                HttpClient.create()
                        .option(
                                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                                gatewayProperties.connectTimeoutMs());
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .filter(loadBalancer)
                .build();
    }
}
