package dev.scribe.cli.token;

import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.cli.CommandLine;
import dev.scribe.cli.UsageException;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.UserClaims;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code token --keys DIR [--role R | --user ID] [--assertion]}: prints a signed dev token for a
 * demo user on stdout and nothing else, so that scripts can capture it.
 */
public final class TokenCommand {

    /** Lifetime of dev user tokens. */
    public static final Duration USER_TOKEN_LIFETIME = Duration.ofMinutes(15);

    public static final String USAGE =
            """
            Usage: scribe-cli token --keys DIR [--role ROLE | --user ID] [--assertion]

            Prints a signed ES256 token for a demo user on stdout (only the token).
            Without --role and --user the user is student-demo.

            Options:
              --keys DIR     folder with the dev keys (see 'scribe-cli keys')
              --role ROLE    demo user of a role: student, educator, administrator, researcher
              --user ID      demo user by id: student-demo, student-demo-2 .. student-demo-6,
                             educator-demo, admin-demo, researcher-demo
              --assertion    print a user assertion instead (signed with the gateway key,
                             issuer gateway, audience internal, valid 120 seconds), for calls
                             straight to a service without the gateway
            """;

    private final PrintStream out;
    private final Clock clock;

    public TokenCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public int run(List<String> args) {
        CommandLine line =
                CommandLine.parse(
                        "token", args, Set.of("keys", "role", "user"), Set.of("assertion"));
        if (line.has("help")) {
            out.print(USAGE);
            return 0;
        }
        if (!line.positionals().isEmpty()) {
            throw new UsageException("'token' takes no positional arguments; see --help");
        }
        Path keysDir = Path.of(line.required("keys"));
        UserClaims user = selectUser(line);

        String token =
                line.has("assertion")
                        ? TokenIssuer.userAssertions(
                                        readKey(DevKeys.gatewayAssertionFile(keysDir)), clock)
                                .issue(user)
                        : userTokenIssuer(readKey(DevKeys.userTokenIssuerFile(keysDir)), clock)
                                .issue(user);
        out.println(token);
        return 0;
    }

    /** Returns the issuer of dev user tokens: issuer and audience as the gateway expects. */
    public static TokenIssuer userTokenIssuer(ECKey key, Clock clock) {
        return new TokenIssuer(
                key,
                DevKeys.USER_TOKEN_ISSUER,
                DevKeys.USER_TOKEN_AUDIENCE,
                USER_TOKEN_LIFETIME,
                Map.of(),
                clock);
    }

    static UserClaims selectUser(CommandLine line) {
        if (line.value("role").isPresent() && line.value("user").isPresent()) {
            throw new UsageException("Give either --role or --user, not both");
        }
        if (line.value("role").isPresent()) {
            return DemoUsers.byRole(line.value("role").get());
        }
        return DemoUsers.byId(line.value("user").orElse(DemoUsers.DEFAULT_USER));
    }

    private static ECKey readKey(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(
                    "Key file "
                            + file
                            + " not found; create the keys with 'scribe-cli keys --dir "
                            + file.getParent()
                            + "' (./scribe up does this)");
        }
        return SigningKeys.readPrivate(file);
    }
}
