package dev.scribe.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scribe.cli.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class InputReaderTest {

    @TempDir Path dir;

    private final InputReader reader = new InputReader(JsonMapper.builder().build());

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void jsonLinesKeepIdsAndSkipBlankLines() throws Exception {
        Path file =
                write(
                        "essays.jsonl",
                        """
                        {"id": "asap-1", "score": 3, "text": "First essay."}

                        {"id": 42, "text": "Second essay."}
                        {"text": "No id here."}
                        """);

        List<AnalysisInput> inputs = reader.read(file, false);

        assertThat(inputs)
                .containsExactly(
                        new AnalysisInput("asap-1", "First essay.", false),
                        new AnalysisInput("42", "Second essay.", false),
                        new AnalysisInput("essays.jsonl:4", "No id here.", false));
    }

    @Test
    void reflectionFileNameMarksReflections() throws Exception {
        Path file = write("reflections.jsonl", "{\"id\": \"r-1\", \"text\": \"I learned.\"}\n");

        List<AnalysisInput> inputs = reader.read(file, false);

        assertThat(inputs).extracting(AnalysisInput::reflection).containsExactly(true);
    }

    @Test
    void reflectionsOptionMarksAnyFile() throws Exception {
        Path file = write("notes.txt", "I learned to plan.");

        List<AnalysisInput> inputs = reader.read(file, true);

        assertThat(inputs)
                .containsExactly(new AnalysisInput("notes.txt", "I learned to plan.", true));
    }

    @Test
    void plainFileIsOneText() throws Exception {
        Path file = write("essay.txt", "Line one.\n\nLine two.\n");

        List<AnalysisInput> inputs = reader.read(file, false);

        assertThat(inputs)
                .containsExactly(new AnalysisInput("essay.txt", "Line one.\n\nLine two.\n", false));
    }

    @Test
    void lineWithoutTextNamesFileAndLine() throws Exception {
        Path file =
                write(
                        "bad.jsonl",
                        "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"body\": \"x\"}\n");

        assertThatThrownBy(() -> reader.read(file, false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("bad.jsonl line 2")
                .hasMessageContaining("missing string field 'text'");
    }

    @Test
    void invalidJsonNamesLineWithoutEchoingIt() throws Exception {
        Path file = write("broken.jsonl", "{\"text\": \"secret words\"\n");

        assertThatThrownBy(() -> reader.read(file, false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("broken.jsonl line 1: invalid JSON")
                .hasMessageNotContaining("secret words");
    }

    @Test
    void nonObjectLineIsRejected() throws Exception {
        Path file = write("array.jsonl", "[1, 2]\n");

        assertThatThrownBy(() -> reader.read(file, false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("array.jsonl line 1: expected a JSON object");
    }

    @Test
    void missingFileIsReported() {
        Path file = dir.resolve("absent.jsonl");

        assertThatThrownBy(() -> reader.read(file, false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("absent.jsonl not found");
    }

    @Test
    void longIdIsCut() throws Exception {
        String longId = "x".repeat(100);
        Path file = write("long.jsonl", "{\"id\": \"" + longId + "\", \"text\": \"t\"}\n");

        List<AnalysisInput> inputs = reader.read(file, false);

        assertThat(inputs.get(0).id()).hasSize(InputReader.MAX_ID_LENGTH);
    }

    @Test
    void toStringLeavesTextOut() {
        AnalysisInput input = new AnalysisInput("a", "private words", false);

        assertThat(input.toString()).doesNotContain("private words").contains("length=13");
    }
}
