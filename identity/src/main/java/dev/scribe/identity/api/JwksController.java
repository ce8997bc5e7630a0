package dev.scribe.identity.api;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that verify identity's tokens. Spring
 * Authorization Server serves the same set at {@code /oauth2/jwks}.
 */
@RestController
public class JwksController {

    /**
     * Verifiers may cache the set for at most 10 minutes, so the response sets that maximum age
     * too.
     */
    private static final CacheControl CACHE = CacheControl.maxAge(java.time.Duration.ofMinutes(10));

    private final Map<String, Object> publicKeySet;

    public JwksController(ECKey identitySigningKey) {
        this.publicKeySet = new JWKSet(identitySigningKey).toPublicJWKSet().toJSONObject();
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> keySet() {
        return ResponseEntity.ok().cacheControl(CACHE).body(publicKeySet);
    }
}
