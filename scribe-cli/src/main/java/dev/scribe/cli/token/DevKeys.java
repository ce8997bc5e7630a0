package dev.scribe.cli.token;

import java.nio.file.Path;

/**
 * File names and key ids of the two signing keys of a dev run directory: the issuer of user tokens
 * and the key with which the gateway signs user assertions.
 */
public final class DevKeys {

    public static final String USER_TOKEN_ISSUER_FILE = "user-token-issuer.jwk";
    public static final String USER_TOKEN_ISSUER_KID = "dev-user-issuer-1";
    public static final String GATEWAY_ASSERTION_FILE = "gateway-assertion.jwk";
    public static final String GATEWAY_ASSERTION_KID = "gateway-assertion-1";

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
}
