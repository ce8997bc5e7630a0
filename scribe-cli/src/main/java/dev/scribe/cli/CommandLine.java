package dev.scribe.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed arguments of one subcommand: options with a value ({@code --keys DIR} or {@code
 * --keys=DIR}), boolean flags ({@code --reflections}) and positional arguments. {@code --} ends the
 * options, so that a file named like an option can still be passed.
 */
public record CommandLine(
        String command, Map<String, String> values, Set<String> flags, List<String> positionals) {

    public CommandLine {
        values = Map.copyOf(values);
        flags = Set.copyOf(flags);
        positionals = List.copyOf(positionals);
    }

    /**
     * Parses {@code args} of {@code command}. {@code valueOptions} and {@code flagOptions} are the
     * option names without the leading dashes; {@code help} is always accepted as a flag.
     *
     * @throws UsageException for an unknown or repeated option, or an option without its value
     */
    public static CommandLine parse(
            String command, List<String> args, Set<String> valueOptions, Set<String> flagOptions) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        List<String> positionals = new ArrayList<>();

        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--")) {
                positionals.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }

            String name = arg.substring(2);
            String inlineValue = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }

            if (name.equals("help") || flagOptions.contains(name)) {
                if (inlineValue != null) {
                    throw new UsageException(
                            "Option --" + name + " of '" + command + "' takes no value");
                }
                flags.add(name);
            } else if (valueOptions.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(
                                "Option --" + name + " of '" + command + "' requires a value");
                    }
                    value = args.get(++i);
                }
                if (values.putIfAbsent(name, value) != null) {
                    throw new UsageException(
                            "Option --" + name + " of '" + command + "' is given more than once");
                }
            } else {
                throw new UsageException(
                        "Unknown option --" + name + " for '" + command + "'; see --help");
            }
        }
        return new CommandLine(command, values, flags, positionals);
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    public Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    /** Returns the value of a required option, or raises a usage error that names it. */
    public String required(String option) {
        String value = values.get(option);
        if (value == null || value.isBlank()) {
            throw new UsageException("Option --" + option + " is required for '" + command + "'");
        }
        return value;
    }
}
