package dev.scribe.writinganalysis.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.patterns.PatternOptions;
import dev.scribe.writinganalysis.core.patterns.WritingPatternAnalyzer;
import dev.scribe.writinganalysis.core.reflection.ReflectionScorer;
import dev.scribe.writinganalysis.core.sensitivity.Classification;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the analysers on 100,000-character inputs built to provoke backtracking or rescanning in a
 * naive detector. There is no timing assertion: a detector that was quadratic would make this test
 * run for minutes instead of milliseconds, which the build would show.
 */
class LargeInputTest {

    private static final int MAX_CONTENT_LENGTH = 100_000;

    private static final SensitivityClassifier CLASSIFIER = SensitivityClassifier.withDefaults();

    private static String repeatToLimit(String unit) {
        return unit.repeat(MAX_CONTENT_LENGTH / unit.length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1-",
                "12-34-",
                "a@",
                "a.b@c.",
                "@a.",
                "Ab ",
                "Ana ",
                "$1,",
                "+1 ",
                "(5",
                "1 a ",
                "my ",
                "hurt ",
                "'a ",
                "\"a",
                "\u201Ca",
                "mistake ",
                "\r\n",
                ".",
                "9"
            })
    void adversarialInputsComplete(String unit) {
        String content = repeatToLimit(unit);

        Classification result = CLASSIFIER.classify(content);
        WritingPatternAnalyzer.withDefaults().analyze(content, PatternOptions.all());
        new ReflectionScorer().score(content);

        assertThat(result.redactedContent()).isNotNull();
    }
}
