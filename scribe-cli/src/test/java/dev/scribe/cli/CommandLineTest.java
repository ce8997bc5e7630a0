package dev.scribe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static CommandLine parse(String... args) {
        return CommandLine.parse(
                "analyze", List.of(args), Set.of("gateway", "token"), Set.of("reflections"));
    }

    @Test
    void readsValuesFlagsAndPositionals() {
        CommandLine line =
                parse("--gateway", "http://127.0.0.1:8080", "a.txt", "--reflections", "b.jsonl");

        assertThat(line.value("gateway")).contains("http://127.0.0.1:8080");
        assertThat(line.has("reflections")).isTrue();
        assertThat(line.positionals()).containsExactly("a.txt", "b.jsonl");
    }

    @Test
    void acceptsInlineValue() {
        CommandLine line = parse("--token=abc.def.ghi");

        assertThat(line.value("token")).contains("abc.def.ghi");
    }

    @Test
    void doubleDashEndsOptions() {
        CommandLine line = parse("--", "--reflections");

        assertThat(line.has("reflections")).isFalse();
        assertThat(line.positionals()).containsExactly("--reflections");
    }

    @Test
    void helpIsAlwaysAFlag() {
        assertThat(parse("--help").has("help")).isTrue();
    }

    @Test
    void unknownOptionIsRejected() {
        assertThatThrownBy(() -> parse("--gatway", "x"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown option --gatway")
                .hasMessageContaining("'analyze'");
    }

    @Test
    void optionWithoutValueIsRejected() {
        assertThatThrownBy(() -> parse("--gateway"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--gateway")
                .hasMessageContaining("requires a value");
    }

    @Test
    void repeatedOptionIsRejected() {
        assertThatThrownBy(() -> parse("--token", "a", "--token", "b"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("more than once");
    }

    @Test
    void flagWithValueIsRejected() {
        assertThatThrownBy(() -> parse("--reflections=yes"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("takes no value");
    }

    @Test
    void missingRequiredOptionIsNamed() {
        CommandLine line = parse("a.txt");

        assertThatThrownBy(() -> line.required("gateway"))
                .isInstanceOf(UsageException.class)
                .hasMessage("Option --gateway is required for 'analyze'");
    }
}
