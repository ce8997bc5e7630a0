package dev.scribe.writinganalysis.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import dev.scribe.writinganalysis.core.boundaries.AiBoundaryRules;
import dev.scribe.writinganalysis.core.boundaries.BoundaryDecision;
import dev.scribe.writinganalysis.core.boundaries.RequestType;
import dev.scribe.writinganalysis.core.patterns.Complexity;
import dev.scribe.writinganalysis.core.patterns.PatternOptions;
import dev.scribe.writinganalysis.core.patterns.Patterns;
import dev.scribe.writinganalysis.core.patterns.SentimentSection;
import dev.scribe.writinganalysis.core.patterns.Style;
import dev.scribe.writinganalysis.core.patterns.WritingPatternAnalyzer;
import dev.scribe.writinganalysis.core.purpose.Justification;
import dev.scribe.writinganalysis.core.purpose.PurposeValidation;
import dev.scribe.writinganalysis.core.purpose.PurposeValidator;
import dev.scribe.writinganalysis.core.reflection.Dimensions;
import dev.scribe.writinganalysis.core.reflection.ReflectionScore;
import dev.scribe.writinganalysis.core.reflection.ReflectionScorer;
import dev.scribe.writinganalysis.core.sensitivity.Classification;
import dev.scribe.writinganalysis.core.sensitivity.SensitiveElement;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.Span;
import dev.scribe.writinganalysis.core.text.Token;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties over arbitrary text: no analyser throws, every reported value stays in its range, and
 * redaction removes every detected span. Texts mix random UTF-16 (unpaired surrogates included)
 * with fragments that trigger detectors and line-break, apostrophe and quote handling.
 */
class AnalyzerPropertiesTest {

    private static final SensitivityClassifier CLASSIFIER = SensitivityClassifier.withDefaults();
    private static final WritingPatternAnalyzer PATTERNS = WritingPatternAnalyzer.withDefaults();
    private static final ReflectionScorer REFLECTIONS = new ReflectionScorer();
    private static final PurposeValidator PURPOSES = PurposeValidator.withDefaults();
    private static final AiBoundaryRules BOUNDARIES = new AiBoundaryRules(CLASSIFIER, true, 40);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final List<String> FRAGMENTS =
            List.of(
                    "\r\n",
                    "\r",
                    "\n",
                    "\n\n",
                    " \t\n",
                    "\u2019",
                    "'",
                    "\u2018",
                    "\"",
                    "\u201C",
                    "\u201D",
                    ".",
                    "...",
                    "?!",
                    "3.5",
                    "I'm",
                    "can\u2019t",
                    " ",
                    "\u00A0",
                    "\u3000",
                    "Ana Ruiz",
                    "Mary-Jane Watson",
                    "Contact",
                    "sam.lee@example.org",
                    "@",
                    "$",
                    "$1,250.00",
                    "\u20AC12",
                    "4111 1111 1111 1111",
                    "4111-1111-1111-1111",
                    "12345678",
                    "123-45-6789",
                    "(555) 201-3344",
                    "555.201.3344",
                    "+14155552671",
                    "+1",
                    "42 Elm Street",
                    "7 old mill Rd",
                    "want to hurt myself",
                    "therapy",
                    "my family situation",
                    "my doctor",
                    "hate",
                    "terrible",
                    "not",
                    "good",
                    "however",
                    "because",
                    "mistake",
                    "learn",
                    "for example",
                    "what does",
                    "mean",
                    "learning improvement",
                    "\uD835\uDC00",
                    "\uD800",
                    "\uDC00",
                    "e\u0301",
                    "[REDACTED_PERSONAL_NAMES]",
                    "\u0130");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> randomPiece = Arbitraries.strings().all().ofMaxLength(12);
        Arbitrary<String> fragment = Arbitraries.of(FRAGMENTS);
        Arbitrary<String> piece =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, randomPiece),
                        net.jqwik.api.Tuple.of(3, fragment));
        return piece.list().ofMaxSize(30).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    void textPrimitivesStayInsideText(@ForAll("texts") String s) {
        AnalyzedText text = AnalyzedText.of(s);

        assertThat(text.normalized()).hasSameSizeAs(s);
        for (Token token : text.tokens()) {
            assertThat(token.start()).isBetween(0, token.end() - 1);
            assertThat(token.end()).isLessThanOrEqualTo(s.length());
        }
        for (List<Span> spans : List.of(text.sentences(), text.paragraphs(), text.lines())) {
            for (Span span : spans) {
                assertThat(span.end()).isLessThanOrEqualTo(s.length());
            }
        }
        int inSentences = text.sentences().stream().mapToInt(text::tokensIn).sum();
        int inParagraphs = text.paragraphs().stream().mapToInt(text::tokensIn).sum();
        assertThat(inSentences).isEqualTo(text.tokenCount());
        assertThat(inParagraphs).isEqualTo(text.tokenCount());
    }

    @Property(tries = 300)
    void classificationIsInRangeAndRedactsEverySpan(@ForAll("texts") String s) {
        Classification result = CLASSIFIER.classify(s);

        assertInUnitRange(result.sensitivityScore());
        int previousEnd = 0;
        StringBuilder rebuilt = new StringBuilder();
        for (SensitiveElement element : result.sensitiveElements()) {
            assertInUnitRange(element.confidence());
            if (element.type().equals("emotional_distress")) {
                continue;
            }
            assertThat(element.startIndex()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(element.endIndex()).isGreaterThan(element.startIndex());
            assertThat(element.text())
                    .isEqualTo(s.substring(element.startIndex(), element.endIndex()));
            rebuilt.append(s, previousEnd, element.startIndex());
            rebuilt.append("[REDACTED_")
                    .append(element.type().toUpperCase(java.util.Locale.ROOT))
                    .append(']');
            previousEnd = element.endIndex();

            boolean unique = s.indexOf(element.text()) == s.lastIndexOf(element.text());
            if (unique) {
                assertThat(result.redactedContent()).doesNotContain(element.text());
            }
        }
        rebuilt.append(s, previousEnd, s.length());
        assertThat(result.redactedContent()).isEqualTo(rebuilt.toString());
    }

    @Property(tries = 300)
    void patternsAreInRange(@ForAll("texts") String s) {
        Patterns patterns = PATTERNS.analyze(s, PatternOptions.all());

        SentimentSection sentiment = patterns.sentiment();
        assertInUnitRange(sentiment.confidence());
        assertThat(sentiment.overallSentiment().abs()).isLessThanOrEqualTo(BigDecimal.valueOf(3));

        Complexity complexity = patterns.complexity();
        assertInUnitRange(complexity.complexityScore());
        assertPercentage(complexity.longWordPercentage());

        Style style = patterns.style();
        assertInUnitRange(style.vocabularyDiversity());
        assertPercentage(style.firstPersonUsage());
        assertPercentage(style.secondPersonUsage());
        assertPercentage(style.academicTone());

        assertThat(patterns.structure().organizationScore()).isBetween(0, 100);
        assertThat(patterns.structure().paragraphLengths().stream().mapToInt(i -> i).sum())
                .isEqualTo(patterns.structure().wordCount());
    }

    @Property(tries = 300)
    void reflectionScoresAreInRange(@ForAll("texts") String s) {
        ReflectionScore score = REFLECTIONS.score(s);
        Dimensions d = score.dimensions();

        for (int value :
                new int[] {
                    score.overall(),
                    d.depth(),
                    d.selfAwareness(),
                    d.criticalThinking(),
                    d.growthMindset(),
                    d.specificity()
                }) {
            assertThat(value).isBetween(0, 100);
        }
        assertThat(score.level()).isEqualTo(AccessLevel.forScore(score.overall()));
    }

    @Property(tries = 300)
    void purposeScoresAreInRange(
            @ForAll("texts") String s,
            @ForAll("roles") String role,
            @ForAll("dataTypes") List<String> requested) {
        PurposeValidation result = PURPOSES.validate(s, requested, role, List.of("a", "b"), "a");

        assertInUnitRange(result.score());
        Justification j = result.justification();
        assertInUnitRange(j.educationalBenefit());
        assertInUnitRange(j.studentBenefit());
        assertInUnitRange(j.platformImprovement());
        assertInUnitRange(j.researchValue());
        assertThat(result.requiredApprovers() != null).isEqualTo(result.approvalRequired());
    }

    @Property(tries = 300)
    void boundariesNeverLeakDetectedSpans(
            @ForAll("texts") String prompt,
            @ForAll("texts") String context,
            @ForAll RequestType type,
            @ForAll AccessLevel level,
            @ForAll boolean reflectionCompleted) {
        BoundaryDecision decision =
                BOUNDARIES.evaluate(prompt, context, type, level, reflectionCompleted);

        assertThat(decision.allowed()).isEqualTo(decision.violations().isEmpty());
        assertThat(decision.modifiedRequest() != null).isEqualTo(decision.allowed());
        if (decision.allowed()) {
            assertThat(decision.modifiedRequest().context().length())
                    .isLessThanOrEqualTo(40 + "...[truncated]".length());
            assertThat(decision.modifiedRequest().prompt())
                    .isEqualTo(CLASSIFIER.classify(prompt).redactedContent());
        }
    }

    @Provide
    Arbitrary<String> roles() {
        return Arbitraries.of("student", "educator", "administrator", "researcher");
    }

    @Provide
    Arbitrary<List<String>> dataTypes() {
        return Arbitraries.of(
                        "reflection",
                        "personal_notes",
                        "writing_content",
                        "progress_metrics",
                        "aggregated_analytics",
                        "course_data",
                        "other")
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    private static void assertInUnitRange(BigDecimal value) {
        assertThat(value).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
    }

    private static void assertPercentage(BigDecimal value) {
        assertThat(value).isBetween(BigDecimal.ZERO, HUNDRED);
    }
}
