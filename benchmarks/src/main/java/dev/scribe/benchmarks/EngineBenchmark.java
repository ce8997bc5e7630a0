package dev.scribe.benchmarks;

import dev.scribe.writinganalysis.core.patterns.PatternOptions;
import dev.scribe.writinganalysis.core.patterns.Patterns;
import dev.scribe.writinganalysis.core.patterns.WritingPatternAnalyzer;
import dev.scribe.writinganalysis.core.sensitivity.Classification;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import dev.scribe.writinganalysis.core.text.AnalyzedText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single-threaded cost of the engine's text analysis on real student essays of 450 to 550 tokens.
 * It measures the sensitivity classifier alone, the pattern analyser alone, and both in the order
 * the analyze_writing_patterns tool runs them. Each invocation takes the next essay, so the mean
 * covers all selected essays.
 *
 * <p>The essays are read from {@code <scribe.shared-data-dir>/essays/essays.jsonl}; the benchmark
 * fails at setup when the file or suitable essays are missing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

    static final String DATA_DIR_PROPERTY = "scribe.shared-data-dir";
    static final int MIN_TOKENS = 450;
    static final int MAX_TOKENS = 550;

    private SensitivityClassifier classifier;
    private WritingPatternAnalyzer analyzer;
    private List<String> essays;
    private int next;

    @Setup(Level.Trial)
    public void loadEssays() {
        classifier = SensitivityClassifier.withDefaults();
        analyzer = WritingPatternAnalyzer.withDefaults();
        essays = selectEssays(essayFile());
        next = 0;
    }

    @Benchmark
    public Classification classify() {
        return classifier.classify(nextEssay());
    }

    @Benchmark
    public Patterns analyzePatterns() {
        return analyzer.analyze(nextEssay(), PatternOptions.all());
    }

    /**
     * Runs what analyze_writing_patterns computes: classification, then the pattern sections on the
     * redacted text, or on the already tokenised essay when nothing was redacted.
     */
    @Benchmark
    public Patterns classifyThenAnalyzePatterns() {
        AnalyzedText essay = AnalyzedText.of(nextEssay());
        Classification classification = classifier.classify(essay);
        if (classification.redacted()) {
            return analyzer.analyze(classification.redactedContent(), PatternOptions.all());
        }
        return analyzer.analyze(essay, PatternOptions.all());
    }

    private String nextEssay() {
        String essay = essays.get(next);
        next = next + 1 == essays.size() ? 0 : next + 1;
        return essay;
    }

    static Path essayFile() {
        String dir = System.getProperty(DATA_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException(
                    "System property "
                            + DATA_DIR_PROPERTY
                            + " is not set; pass -D"
                            + DATA_DIR_PROPERTY
                            + "=<repository>/../shared/data");
        }
        Path file = Path.of(dir, "essays", "essays.jsonl");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Essay file not found: " + file);
        }
        return file;
    }

    static List<String> selectEssays(Path file) {
        JsonMapper mapper = JsonMapper.builder().build();
        List<String> selected = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                String text = node.get("text").asString();
                int tokens = AnalyzedText.of(text).tokenCount();
                if (tokens >= MIN_TOKENS && tokens <= MAX_TOKENS) {
                    selected.add(text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + file, e);
        }

        if (selected.isEmpty()) {
            throw new IllegalStateException(
                    "No essay of " + MIN_TOKENS + " to " + MAX_TOKENS + " tokens in " + file);
        }
        return List.copyOf(selected);
    }
}
