package dev.scribe.writinganalysis.core.sensitivity;

import dev.scribe.writinganalysis.core.sentiment.Lexicon;
import dev.scribe.writinganalysis.core.text.Rational;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Settings of the classifier.
 *
 * @param highThreshold score from which the level is high (default 0.9)
 * @param mediumThreshold score from which the level is medium (default 0.7)
 * @param lowThreshold score from which the level is low (default 0.5)
 * @param guardTimeout time after which detection is abandoned and manual review is required
 *     (default 1,000 ms)
 * @param slowWarning run time above which a warning with the content length is logged (default 50
 *     ms)
 * @param nameStopwords capitalised words that never belong to a personal name, case-sensitive
 * @param lexicon sentiment lexicon for the document-level emotional-distress element
 */
public record SensitivityConfig(
        Rational highThreshold,
        Rational mediumThreshold,
        Rational lowThreshold,
        Duration guardTimeout,
        Duration slowWarning,
        Set<String> nameStopwords,
        Lexicon lexicon) {

    /** Classpath resource, next to this class, with the initial name stopwords. */
    public static final String NAME_STOPWORDS_RESOURCE = "name-stopwords.txt";

    public SensitivityConfig {
        if (!(highThreshold.compareTo(mediumThreshold) >= 0
                && mediumThreshold.compareTo(lowThreshold) >= 0
                && lowThreshold.signum() >= 0)) {
            throw new IllegalArgumentException(
                    "Sensitivity thresholds must satisfy high >= medium >= low >= 0");
        }
        if (guardTimeout.isNegative() || slowWarning.isNegative()) {
            throw new IllegalArgumentException("Sensitivity time limits must not be negative");
        }
        nameStopwords = Set.copyOf(nameStopwords);
    }

    /** Returns the default thresholds 0.9 / 0.7 / 0.5, 1,000 ms guard, 50 ms warning. */
    public static SensitivityConfig defaults() {
        return new SensitivityConfig(
                Rational.parse("0.9"),
                Rational.parse("0.7"),
                Rational.parse("0.5"),
                Duration.ofMillis(1000),
                Duration.ofMillis(50),
                loadDefaultNameStopwords(),
                Lexicon.loadDefault());
    }

    public SensitivityConfig withThresholds(Rational high, Rational medium, Rational low) {
        return new SensitivityConfig(
                high, medium, low, guardTimeout, slowWarning, nameStopwords, lexicon);
    }

    public SensitivityConfig withSlowWarning(Duration warning) {
        return new SensitivityConfig(
                highThreshold,
                mediumThreshold,
                lowThreshold,
                guardTimeout,
                warning,
                nameStopwords,
                lexicon);
    }

    /** Loads the stopwords shipped with the engine: one word a line, {@code #} starts a comment. */
    public static Set<String> loadDefaultNameStopwords() {
        try (InputStream in =
                SensitivityConfig.class.getResourceAsStream(NAME_STOPWORDS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Name stopword resource not found: " + NAME_STOPWORDS_RESOURCE);
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> words =
                    reader.lines()
                            .map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .toList();
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the name stopwords", e);
        }
    }
}
