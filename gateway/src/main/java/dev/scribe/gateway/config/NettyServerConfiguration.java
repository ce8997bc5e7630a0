package dev.scribe.gateway.config;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the Reactor Netty server beyond those that Spring Boot's properties cover. */
@Configuration(proxyBeanMethods = false)
public class NettyServerConfiguration {

    /** Keeps request paths and queries out of the log lines that Reactor Netty writes itself. */
    @Bean
    NettyServerCustomizer pathFreeMessageLogging() {
        return server -> server.httpMessageLogFactory(new PathFreeHttpMessageLogFactory());
    }
}
