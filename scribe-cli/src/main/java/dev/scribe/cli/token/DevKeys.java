package dev.scribe.cli.token;

import java.nio.file.Path;

/**
 * File names and key ids of a dev run directory's keys: the identity key that signs user and
 * service tokens, the key with which the gateway signs user assertions, the demo password and the
 * client secrets.
 */
public final class DevKeys {

    public static final String USER_TOKEN_ISSUER_FILE = "user-token-issuer.jwk";
    public static final String USER_TOKEN_ISSUER_KID = "dev-user-issuer-1";
    public static final String GATEWAY_ASSERTION_FILE = "gateway-assertion.jwk";
    public static final String GATEWAY_ASSERTION_KID = "gateway-assertion-1";
    public static final String DEMO_PASSWORD_FILE = "demo-password";

    /** Services with client credentials at identity; each has {@code client-ID.secret}. */
    public static final java.util.List<String> SERVICE_CLIENTS =
            java.util.List.of("gateway", "writing-analysis");

    /** Issuer of dev user tokens, as the gateway expects it by default. */
    public static final String USER_TOKEN_ISSUER = "scribe-dev-issuer";

    /** Audience of user tokens, as the gateway expects it by default. */
    public static final String USER_TOKEN_AUDIENCE = "platform-api";

    private DevKeys() {}

    public static Path userTokenIssuerFile(Path keysDir) {
        return keysDir.resolve(USER_TOKEN_ISSUER_FILE);
    }

    public static Path gatewayAssertionFile(Path keysDir) {
        return keysDir.resolve(GATEWAY_ASSERTION_FILE);
    }

    public static Path demoPasswordFile(Path keysDir) {
        return keysDir.resolve(DEMO_PASSWORD_FILE);
    }

    public static Path clientSecretFile(Path keysDir, String clientId) {
        return keysDir.resolve("client-" + clientId + ".secret");
    }
}
