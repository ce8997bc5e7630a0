package dev.scribe.cli.token;

import com.nimbusds.jose.jwk.ECKey;
import dev.scribe.cli.CommandLine;
import dev.scribe.cli.UsageException;
import dev.scribe.platform.security.ServiceTokenClient;
import dev.scribe.platform.security.ServiceTokenException;
import dev.scribe.platform.security.ServiceTokens;
import dev.scribe.platform.security.SigningKeys;
import dev.scribe.platform.security.TokenIssuer;
import dev.scribe.platform.security.UserClaims;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code token (--identity URL --password-file FILE | --keys DIR) [--role R | --user ID]
 * [--assertion]}: prints a token for a demo user on stdout and nothing else, so that scripts can
 * capture it. With {@code --identity} the token comes from identity's sign-in; with {@code --keys}
 * it is signed locally.
 */
public final class TokenCommand {

    /** Lifetime of dev user tokens. */
    public static final Duration USER_TOKEN_LIFETIME = Duration.ofMinutes(15);

    public static final String USAGE =
            """
            Usage: scribe-cli token --identity URL --password-file FILE [--role ROLE | --user ID]
                   scribe-cli token --identity URL --client-secret-file FILE --service
                   scribe-cli token --keys DIR [--role ROLE | --user ID] [--assertion]

            Prints an ES256 token for a demo user on stdout (only the token).
            Without --role and --user the user is student-demo.

            Options:
              --identity URL       sign in at identity (such as http://127.0.0.1:8090) and print
                                   the access token it issues (15 minutes)
              --password-file FILE file with the demo password (./scribe up writes
                                   <run dir>/keys/demo-password)
              --service            print the gateway's service token for writing-analysis
                                   instead (scopes api:invoke and mcp:invoke, 5 minutes), for
                                   calls straight to an instance together with --assertion
              --client-secret-file FILE
                                   file with the gateway's client secret
                                   (<run dir>/keys/client-gateway.secret)
              --keys DIR     sign locally with the dev keys (see 'scribe-cli keys'): a user token
                             with issuer scribe-dev-issuer, which only a gateway that reads the
                             key file accepts (tests), or with --assertion a user assertion
              --role ROLE    demo user of a role: student, educator, administrator, researcher
              --user ID      demo user by id: student-demo, student-demo-2 .. student-demo-6,
                             educator-demo, admin-demo, researcher-demo
              --assertion    print a user assertion instead (signed with the gateway key,
                             issuer gateway, audience internal, valid 120 seconds), for calls
                             straight to a service without the gateway
            """;

    /** The client whose service token --service prints, and the service it is for. */
    static final String SERVICE_CLIENT = "gateway";

    static final String SERVICE_AUDIENCE = "writing-analysis";

    private final PrintStream out;
    private final Clock clock;

    public TokenCommand(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public int run(List<String> args) throws InterruptedException {
        CommandLine line =
                CommandLine.parse(
                        "token",
                        args,
                        Set.of(
                                "keys",
                                "role",
                                "user",
                                "identity",
                                "password-file",
                                "client-secret-file"),
                        Set.of("assertion", "service"));
        if (line.has("help")) {
            out.print(USAGE);
            return 0;
        }
        if (!line.positionals().isEmpty()) {
            throw new UsageException("'token' takes no positional arguments; see --help");
        }
        UserClaims user = selectUser(line);
        boolean remote = line.value("identity").isPresent();
        if (remote == line.value("keys").isPresent()) {
            throw new UsageException("Give either --identity or --keys; see --help");
        }
        if (remote && line.has("service")) {
            out.println(serviceToken(line));
            return 0;
        }
        if (remote) {
            if (line.has("assertion")) {
                throw new UsageException(
                        "--assertion needs --keys: identity issues no user assertions");
            }
            String password = readPassword(Path.of(line.required("password-file")));
            out.println(
                    new IdentitySignIn(URI.create(line.value("identity").get()))
                            .accessToken(user.subject(), password));
            return 0;
        }

        Path keysDir = Path.of(line.required("keys"));
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

    /** Fetches the gateway's service token for writing-analysis from identity. */
    private String serviceToken(CommandLine line) {
        if (line.value("role").isPresent() || line.value("user").isPresent()) {
            throw new UsageException(
                    "--service takes no --role or --user: the token names a service");
        }
        ServiceTokenClient client =
                new ServiceTokenClient(
                        URI.create(line.value("identity").get()).resolve("/oauth2/token"),
                        SERVICE_CLIENT,
                        readPassword(Path.of(line.required("client-secret-file"))),
                        IdentitySignIn.TIMEOUT,
                        clock);
        try {
            return client.token(
                    SERVICE_AUDIENCE,
                    ServiceTokens.SCOPE_API_INVOKE + " " + ServiceTokens.SCOPE_MCP_INVOKE);
        } catch (ServiceTokenException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String readPassword(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(
                    "Password file "
                            + file
                            + " not found; ./scribe up creates it in the run directory's keys");
        }
        try {
            return Files.readString(file).lines().findFirst().orElse("").strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the password file " + file, e);
        }
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
