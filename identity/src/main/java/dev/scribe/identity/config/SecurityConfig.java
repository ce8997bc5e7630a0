package dev.scribe.identity.config;

import dev.scribe.identity.api.DeniedPathHandler;
import dev.scribe.identity.domain.ServiceClientRepository;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: Spring Authorization Server's endpoints ({@code /oauth2/token}, {@code
 * /oauth2/jwks}, metadata), and the rest of the service, where only sign-in, the key set, health
 * and metrics are served and everything else is denied.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** bcrypt cost factor: 2^12 rounds, the minimum that the platform allows for passwords. */
    static final int BCRYPT_COST = 12;

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Hashes user passwords and client secrets, which Spring Authorization Server also checks. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_COST);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        if (properties.issuer() == null || properties.issuer().isBlank()) {
            throw new IllegalStateException(
                    "platform.identity.issuer is not set: it becomes the iss claim of every token,"
                            + " such as http://127.0.0.1:8090");
        }
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerChain(HttpSecurity http, ServiceClientRepository clients)
            throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer =
                new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.registeredClientRepository(clients))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(
                        csrf ->
                                csrf.ignoringRequestMatchers(
                                        authorizationServer.getEndpointsMatcher()))
                .sessionManagement(
                        sessions ->
                                sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * Serves sign-in and the key set without authentication and denies every other path. CSRF
     * protection is off, because the API uses no cookies or sessions.
     */
    @Bean
    @Order(2)
    SecurityFilterChain applicationChain(HttpSecurity http, DeniedPathHandler deniedPaths)
            throws Exception {
        http.authorizeHttpRequests(
                        requests ->
                                requests.requestMatchers(
                                                "/api/auth/token",
                                                "/.well-known/jwks.json",
                                                "/actuator/health",
                                                "/actuator/health/**",
                                                "/actuator/info",
                                                "/actuator/prometheus",
                                                "/error")
                                        .permitAll()
                                        .anyRequest()
                                        .denyAll())
                .exceptionHandling(
                        exceptions ->
                                exceptions
                                        .authenticationEntryPoint(deniedPaths)
                                        .accessDeniedHandler(
                                                (request, response, denied) ->
                                                        deniedPaths.commence(
                                                                request, response, null)))
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .sessionManagement(
                        sessions ->
                                sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
