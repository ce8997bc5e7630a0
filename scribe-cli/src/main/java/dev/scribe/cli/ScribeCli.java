package dev.scribe.cli;

import dev.scribe.cli.analyze.AnalyzeCommand;
import dev.scribe.cli.token.KeysCommand;
import dev.scribe.cli.token.TokenCommand;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code scribe-cli}: dispatches to the {@code keys}, {@code token} and {@code
 * analyze} subcommands. Exit status 0 means success, 1 a failed operation (a failed request, an
 * unreadable key file), 2 invalid arguments or input.
 */
public final class ScribeCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    static final String USAGE =
            """
            Usage: scribe-cli COMMAND [OPTIONS]

            Commands:
              keys      create the dev signing keys of a run directory if missing
              token     print a dev token for a demo user
              analyze   send texts through the gateway and report the analyses

            Run 'scribe-cli COMMAND --help' for the options of a command.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Map<String, String> environment;

    public ScribeCli(
            PrintStream out, PrintStream err, Clock clock, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.environment = environment;
    }

    public static void main(String[] args) {
        int status =
                new ScribeCli(System.out, System.err, Clock.systemUTC(), System.getenv()).run(args);
        System.out.flush();
        System.exit(status);
    }

    /** Runs one command and returns its exit status; errors are printed to stderr. */
    public int run(String... args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? EXIT_USAGE : EXIT_OK;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);

        try {
            return switch (command) {
                case "keys" -> new KeysCommand(out).run(rest);
                case "token" -> new TokenCommand(out, clock).run(rest);
                case "analyze" -> new AnalyzeCommand(out, err, environment).run(rest);
                default ->
                        throw new UsageException(
                                "Unknown command '"
                                        + command
                                        + "'; commands: keys, token, analyze");
            };
        } catch (UsageException e) {
            err.println("scribe-cli " + command + ": " + e.getMessage());
            return EXIT_USAGE;
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("scribe-cli " + command + " failed: " + e.getMessage());
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("scribe-cli " + command + " was interrupted");
            return EXIT_FAILURE;
        }
    }
}
