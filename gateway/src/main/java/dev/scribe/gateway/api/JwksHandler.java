package dev.scribe.gateway.api;

import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.platform.security.SigningKeys;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves the public key set of the gateway's assertion key, with which services verify {@code
 * X-User-Assertion}. It only ever contains the public part of the key.
 */
public class JwksHandler {

    private final String publicKeySetJson;

    public JwksHandler(ECKey assertionSigningKey) {
        this.publicKeySetJson = SigningKeys.publicSet(assertionSigningKey).toString();
    }

    public Mono<ServerResponse> keySet(ServerRequest request) {
        return ServerResponse.ok()
                .contentType(MediaType.parseMediaType("application/jwk-set+json"))
                .bodyValue(publicKeySetJson);
    }
}
