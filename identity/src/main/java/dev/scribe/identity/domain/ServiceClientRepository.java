package dev.scribe.identity.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service clients in table {@code service_client}, as Spring Authorization Server's registered
 * clients: {@code client_credentials} only, secret by HTTP Basic or form, self-contained JWT access
 * tokens of 5 minutes. The audiences a client may request are kept in the client settings under
 * {@link #AUDIENCES_SETTING}.
 */
@Repository
public class ServiceClientRepository implements RegisteredClientRepository {

    /** Client setting that contains the allowed audiences (a {@code Set<String>}). */
    public static final String AUDIENCES_SETTING = "dev.scribe.identity.audiences";

    /** Lifetime of a service token. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final JdbcClient jdbc;

    public ServiceClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates or replaces a client row.
     *
     * @param secretHash the password encoder's hash of the secret, never the secret itself
     */
    @Transactional
    public void upsert(
            String clientId, String secretHash, List<String> scopes, List<String> audiences) {
        int updated =
                jdbc.sql(
                                "UPDATE service_client SET secret_hash = :hash, scopes = :scopes,"
                                        + " audiences = :audiences, active = TRUE WHERE client_id"
                                        + " = :id")
                        .param("hash", secretHash)
                        .param("scopes", String.join(" ", scopes))
                        .param("audiences", String.join(" ", audiences))
                        .param("id", clientId)
                        .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO service_client (client_id, secret_hash, scopes,"
                                    + " audiences, active) VALUES (:id, :hash, :scopes, :audiences,"
                                    + " TRUE)")
                    .param("id", clientId)
                    .param("hash", secretHash)
                    .param("scopes", String.join(" ", scopes))
                    .param("audiences", String.join(" ", audiences))
                    .update();
        }
    }

    /**
     * Rejects registration through Spring Authorization Server, because clients come from the
     * configuration only (see {@link #upsert}).
     */
    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException(
                "Service clients are configured under platform.identity.clients");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return jdbc.sql(
                        "SELECT client_id, secret_hash, scopes, audiences FROM service_client"
                                + " WHERE client_id = :id AND active = TRUE")
                .param("id", clientId)
                .query(
                        (rs, row) ->
                                toRegisteredClient(
                                        rs.getString("client_id"),
                                        rs.getString("secret_hash"),
                                        split(rs.getString("scopes")),
                                        split(rs.getString("audiences"))))
                .optional()
                .orElse(null);
    }

    private static RegisteredClient toRegisteredClient(
            String clientId, String secretHash, Set<String> scopes, Set<String> audiences) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(secretHash)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(set -> set.addAll(scopes))
                .clientSettings(
                        org.springframework.security.oauth2.server.authorization.settings
                                .ClientSettings.builder()
                                .setting(AUDIENCES_SETTING, audiences)
                                .build())
                .tokenSettings(
                        TokenSettings.builder()
                                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                                .accessTokenTimeToLive(TOKEN_LIFETIME)
                                .build())
                .build();
    }

    private static Set<String> split(String spaceSeparated) {
        Set<String> values = new LinkedHashSet<>();
        Arrays.stream(spaceSeparated.trim().split(" +"))
                .filter(value -> !value.isEmpty())
                .forEach(values::add);
        return values;
    }
}
