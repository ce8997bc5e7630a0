package dev.scribe.writinganalysis.core.patterns;

import dev.scribe.writinganalysis.core.sentiment.Lexicon;
import dev.scribe.writinganalysis.core.sentiment.SentimentScore;
import dev.scribe.writinganalysis.core.sentiment.SentimentScorer;
import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.PhraseMatcher;
import dev.scribe.writinganalysis.core.text.Rational;
import dev.scribe.writinganalysis.core.text.Span;
import dev.scribe.writinganalysis.core.text.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Structure, sentiment, complexity and style metrics of an already privacy-checked text. All
 * arithmetic is exact; values are rounded half up only when reported. A text without tokens gives
 * zero for every ratio instead of dividing by zero. Thread-safe.
 */
public final class WritingPatternAnalyzer {

    private static final PhraseMatcher TRANSITION_WORDS =
            PhraseMatcher.of(
                    "however",
                    "therefore",
                    "furthermore",
                    "additionally",
                    "consequently",
                    "moreover",
                    "meanwhile");

    private static final Set<String> ACADEMIC_TOKENS =
            Set.of("however", "therefore", "moreover", "furthermore");

    private enum TokenClass {
        FIRST_PERSON,
        SECOND_PERSON,
        ACADEMIC
    }

    /** One lookup per token instead of three set probes; the three word lists are disjoint. */
    private static final Map<String, TokenClass> TOKEN_CLASSES = tokenClasses();

    private static Map<String, TokenClass> tokenClasses() {
        Map<String, TokenClass> classes = new HashMap<>();
        PersonTokens.FIRST_PERSON.forEach(t -> classes.put(t, TokenClass.FIRST_PERSON));
        PersonTokens.SECOND_PERSON.forEach(t -> classes.put(t, TokenClass.SECOND_PERSON));
        ACADEMIC_TOKENS.forEach(t -> classes.put(t, TokenClass.ACADEMIC));
        return Collections.unmodifiableMap(classes);
    }

    private static final int LONG_WORD_MIN_LENGTH = 7;
    private static final Rational HUNDRED = Rational.of(100);
    private static final Rational PERSONAL_THRESHOLD = Rational.of(5, 100);
    private static final Rational ADVANCED_THRESHOLD = Rational.of(45, 100);
    private static final Rational INTERMEDIATE_THRESHOLD = Rational.of(30, 100);

    private final SentimentScorer sentiment;

    public WritingPatternAnalyzer(SentimentScorer sentiment) {
        this.sentiment = sentiment;
    }

    /** Creates an analyser with the lexicon shipped with the engine. */
    public static WritingPatternAnalyzer withDefaults() {
        return new WritingPatternAnalyzer(new SentimentScorer(Lexicon.loadDefault()));
    }

    public Patterns analyze(String analysedText, PatternOptions options) {
        return analyze(AnalyzedText.of(analysedText), options);
    }

    /** Analyses an already prepared text, for example the one the classifier has just used. */
    public Patterns analyze(AnalyzedText text, PatternOptions options) {
        return new Patterns(
                options.includeStructure() ? structure(text) : null,
                options.includeSentiment() ? sentiment(text) : null,
                options.includeComplexity() ? complexity(text) : null,
                style(text));
    }

    Structure structure(AnalyzedText text) {
        int sentenceCount = text.sentences().size();
        List<Integer> paragraphLengths = new ArrayList<>();
        for (Span paragraph : text.paragraphs()) {
            paragraphLengths.add(text.tokensIn(paragraph));
        }

        int paragraphCount = paragraphLengths.size();
        int organizationScore;
        if (paragraphCount < 2) {
            organizationScore = 40;
        } else if (paragraphCount >= 3 && paragraphCount <= 5) {
            organizationScore = 80;
        } else {
            organizationScore = 60;
        }

        return new Structure(
                sentenceCount,
                paragraphCount,
                text.tokenCount(),
                ratio(text.tokenCount(), sentenceCount).round(2),
                paragraphLengths,
                organizationScore,
                TRANSITION_WORDS.findAll(text).size());
    }

    SentimentSection sentiment(AnalyzedText text) {
        SentimentScore score = sentiment.score(text);
        return new SentimentSection(score.rounded(), score.label(), score.confidence());
    }

    Complexity complexity(AnalyzedText text) {
        int tokens = text.tokenCount();
        long totalLength = 0;
        int longWords = 0;
        for (Token token : text.tokens()) {
            totalLength += token.length();
            if (token.length() >= LONG_WORD_MIN_LENGTH) {
                longWords++;
            }
        }

        Rational averageLength = ratio(totalLength, tokens);
        Rational longShare = ratio(longWords, tokens);
        Rational lengthPart =
                Rational.clamp(
                        averageLength.minus(Rational.of(3)).dividedBy(Rational.of(5)),
                        Rational.ZERO,
                        Rational.ONE);
        Rational half = Rational.of(1, 2);
        Rational score = half.times(lengthPart).plus(half.times(longShare));

        String level;
        if (score.compareTo(ADVANCED_THRESHOLD) > 0) {
            level = "advanced";
        } else if (score.compareTo(INTERMEDIATE_THRESHOLD) > 0) {
            level = "intermediate";
        } else {
            level = "basic";
        }
        return new Complexity(
                averageLength.round(2), longShare.times(HUNDRED).round(2), score.round(3), level);
    }

    Style style(AnalyzedText text) {
        int tokens = text.tokenCount();
        Set<String> distinct = new HashSet<>(tokens * 2);
        int firstPerson = 0;
        int secondPerson = 0;
        int academic = 0;
        for (Token token : text.tokens()) {
            String lower = token.lower();
            distinct.add(lower);
            TokenClass tokenClass = TOKEN_CLASSES.get(lower);
            if (tokenClass == TokenClass.FIRST_PERSON) {
                firstPerson++;
            } else if (tokenClass == TokenClass.SECOND_PERSON) {
                secondPerson++;
            } else if (tokenClass == TokenClass.ACADEMIC) {
                academic++;
            }
        }

        Rational firstShare = ratio(firstPerson, tokens);
        return new Style(
                ratio(distinct.size(), tokens).round(3),
                firstShare.times(HUNDRED).round(2),
                ratio(secondPerson, tokens).times(HUNDRED).round(2),
                ratio(academic, tokens).times(HUNDRED).round(2),
                firstShare.compareTo(PERSONAL_THRESHOLD) > 0 ? "personal" : "formal");
    }

    private static Rational ratio(long numerator, long denominator) {
        return denominator == 0 ? Rational.ZERO : Rational.of(numerator, denominator);
    }
}
