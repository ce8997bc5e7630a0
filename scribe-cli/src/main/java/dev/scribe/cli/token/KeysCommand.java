package dev.scribe.cli.token;

import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.cli.CommandLine;
import dev.scribe.platform.security.SigningKeys;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code keys --dir DIR}: creates the dev signing keys and secrets in DIR when they are missing and
 * leaves existing files untouched, so it is safe to run before every start.
 */
public final class KeysCommand {

    public static final String USAGE =
            """
            Usage: scribe-cli keys --dir DIR

            Creates the dev signing keys and secrets in DIR if they do not exist yet; existing
            files are kept. All files are readable by the owner only.
              user-token-issuer.jwk  EC P-256 private JWK, kid dev-user-issuer-1: identity signs
                                     user tokens and service tokens with it
              gateway-assertion.jwk  EC P-256 private JWK, kid gateway-assertion-1: the gateway signs
                                     user assertions with it and the services verify them
              demo-password          password of every demo user (24 random characters)
              client-gateway.secret, client-writing-analysis.secret
                                     client secrets of the services at identity (43 random
                                     characters each)

            Options:
              --dir DIR   folder for the key files (created if missing)
            """;

    private final PrintStream out;

    public KeysCommand(PrintStream out) {
        this.out = out;
    }

    public int run(List<String> args) {
        CommandLine line = CommandLine.parse("keys", args, Set.of("dir"), Set.of());
        if (line.has("help")) {
            out.print(USAGE);
            return 0;
        }
        Path dir = Path.of(line.required("dir"));

        report(DevKeys.userTokenIssuerFile(dir), DevKeys.USER_TOKEN_ISSUER_KID);
        report(DevKeys.gatewayAssertionFile(dir), DevKeys.GATEWAY_ASSERTION_KID);
        reportSecret(DevKeys.demoPasswordFile(dir), DevSecrets.DEMO_PASSWORD_BYTES);
        for (String client : DevKeys.SERVICE_CLIENTS) {
            reportSecret(DevKeys.clientSecretFile(dir, client), DevSecrets.CLIENT_SECRET_BYTES);
        }
        return 0;
    }

    private void reportSecret(Path file, int randomBytes) {
        boolean existed = DevSecrets.createIfMissing(file, randomBytes);
        out.printf("%s %s%n", existed ? "kept" : "created", file);
    }

    private void report(Path file, String keyId) {
        boolean existed = Files.exists(file);
        ECKey key = SigningKeys.loadOrCreate(file, keyId);
        out.printf("%s %s (kid %s)%n", existed ? "kept" : "created", file, key.getKeyID());
    }
}
