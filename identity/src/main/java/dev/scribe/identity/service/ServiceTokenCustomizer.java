package dev.scribe.identity.service;

import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.identity.domain.ServiceClientRepository;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Shapes the service tokens that Spring Authorization Server issues for {@code client_credentials}:
 * ES256 with identity's key id, and {@code aud} = the target service that the request names in
 * {@code audience} (or in the RFC 8707 {@code resource} parameter). The audience must be one of
 * those configured for the client; a missing or other audience gets OAuth error {@code
 * invalid_target}. {@code sub} (the client id), {@code scope} and the 5-minute lifetime come from
 * Spring Authorization Server and the registered client.
 */
@Component
public class ServiceTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String AUDIENCE_PARAMETER = "audience";
    static final String RESOURCE_PARAMETER = "resource";
    static final String INVALID_TARGET = "invalid_target";

    private final String keyId;

    public ServiceTokenCustomizer(ECKey identitySigningKey) {
        this.keyId = identitySigningKey.getKeyID();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(
                context.getAuthorizationGrantType())) {
            return;
        }
        context.getJwsHeader().algorithm(SignatureAlgorithm.ES256).keyId(keyId);

        Map<String, Object> parameters =
                context.getAuthorizationGrant() == null ? Map.of() : additionalParameters(context);
        String audience = requestedAudience(parameters);
        Set<String> allowed =
                context.getRegisteredClient()
                        .getClientSettings()
                        .getSetting(ServiceClientRepository.AUDIENCES_SETTING);
        if (allowed == null || !allowed.contains(audience)) {
            throw invalidTarget(
                    "The client may not request tokens for audience '" + audience + "'.");
        }
        context.getClaims().audience(java.util.List.of(audience));
    }

    private static Map<String, Object> additionalParameters(JwtEncodingContext context) {
        if (context.getAuthorizationGrant()
                instanceof
                org.springframework.security.oauth2.server.authorization.authentication
                                .OAuth2ClientCredentialsAuthenticationToken
                        grant) {
            return grant.getAdditionalParameters();
        }
        return Map.of();
    }

    /** Reads the single target service from {@code audience} or {@code resource}. */
    private static String requestedAudience(Map<String, Object> parameters) {
        Object audience = parameters.get(AUDIENCE_PARAMETER);
        Object resource = parameters.get(RESOURCE_PARAMETER);
        if (audience == null && resource == null) {
            throw invalidTarget(
                    "Name the target service in the 'audience' parameter, such as"
                            + " audience=writing-analysis.");
        }
        if (audience != null && resource != null && !audience.equals(resource)) {
            throw invalidTarget(
                    "The 'audience' and 'resource' parameters name different services.");
        }
        Object value = audience != null ? audience : resource;
        if (!(value instanceof String single) || single.isBlank()) {
            throw invalidTarget("Request a token for exactly one target service.");
        }
        return single;
    }

    private static OAuth2AuthenticationException invalidTarget(String description) {
        return new OAuth2AuthenticationException(
                new OAuth2Error(INVALID_TARGET, description, null));
    }
}
