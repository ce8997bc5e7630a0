package dev.scribe.writinganalysis.core.reflection;

import dev.scribe.writinganalysis.core.accesslevel.AccessLevel;
import dev.scribe.writinganalysis.core.patterns.PersonTokens;
import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.Match;
import dev.scribe.writinganalysis.core.text.PhraseMatcher;
import dev.scribe.writinganalysis.core.text.Span;
import dev.scribe.writinganalysis.core.text.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores a reflection on five dimensions. Each dimension is the sum of its increments, capped at
 * 100. An increment is a family of whole-word phrases that scores at most once however many of its
 * members match and however often. Thread-safe.
 */
public final class ReflectionScorer {

    /** A family of phrases worth {@code points} once if any member matches. */
    private record Family(int points, List<String> phrases) {}

    /** The "first word ... second word on the same line" rule of the growth-mindset dimension. */
    private record SameLinePair(Set<String> first, Set<String> second) {}

    private static final List<Family> DEPTH_CONNECTIVES =
            List.of(
                    new Family(10, List.of("because")),
                    new Family(10, List.of("therefore")),
                    new Family(10, List.of("however")),
                    new Family(10, List.of("although")),
                    new Family(10, List.of("furthermore")),
                    new Family(10, List.of("consequently")),
                    new Family(20, List.of("why", "how", "what if")));

    private static final List<Family> SELF_AWARENESS =
            List.of(
                    new Family(
                            15,
                            List.of(
                                    "i learned",
                                    "i learnt",
                                    "i realized",
                                    "i realised",
                                    "i discovered",
                                    "i understood")),
                    new Family(
                            15,
                            List.of(
                                    "i struggled",
                                    "i found it difficult",
                                    "i found it hard",
                                    "i was challenged")),
                    new Family(
                            15,
                            List.of(
                                    "my strength",
                                    "my strengths",
                                    "my weakness",
                                    "my weaknesses",
                                    "my improvement")),
                    new Family(15, List.of("i need to", "i should", "i could", "i will", "i'll")),
                    new Family(10, List.of("i felt", "i feel", "i was feeling")));

    private static final List<Family> CRITICAL_THINKING =
            List.of(
                    new Family(
                            15,
                            List.of(
                                    "compare",
                                    "compared",
                                    "comparing",
                                    "comparison",
                                    "contrast",
                                    "contrasted",
                                    "contrasting")),
                    new Family(
                            15,
                            List.of(
                                    "analyze",
                                    "analyzed",
                                    "analyzing",
                                    "analyse",
                                    "analysed",
                                    "analysing",
                                    "analysis")),
                    new Family(15, List.of("evaluate", "evaluated", "evaluating", "evaluation")),
                    new Family(
                            15, List.of("consider", "considered", "considering", "consideration")),
                    new Family(
                            15, List.of("perspective", "perspectives", "viewpoint", "viewpoints")),
                    new Family(
                            20,
                            List.of("evidence", "example", "examples", "instance", "specifically")),
                    new Family(20, List.of("alternatively", "on the other hand", "another way")),
                    new Family(15, List.of("caused", "resulted", "led to", "impact", "impacted")));

    private static final List<Family> GROWTH_MINDSET =
            List.of(
                    new Family(15, List.of("next time", "in the future", "going forward")),
                    new Family(15, List.of("i will", "i'll", "i plan to", "i intend to")),
                    new Family(
                            15,
                            List.of("improve", "improved", "improving", "improvement", "better")),
                    new Family(
                            15, List.of("learn", "learned", "learnt", "learning", "development")),
                    new Family(
                            15,
                            List.of(
                                    "challenge",
                                    "challenges",
                                    "challenging",
                                    "opportunity",
                                    "growth")),
                    new Family(
                            10,
                            List.of("goal", "goals", "objective", "objectives", "aim", "target")));

    private static final int MISTAKE_RULE_POINTS = 25;

    private static final List<SameLinePair> MISTAKE_PAIRS =
            List.of(
                    new SameLinePair(
                            Set.of("mistake", "mistakes"),
                            Set.of("learn", "learned", "learnt", "learning")),
                    new SameLinePair(
                            Set.of("error", "errors"), Set.of("improve", "improved", "improving")),
                    new SameLinePair(Set.of("wrong"), Set.of("better")));

    private static final List<Family> SPECIFICITY =
            List.of(
                    new Family(
                            30, List.of("for example", "for instance", "such as", "specifically")));

    private static final List<String> QUANTITY_WORDS =
            List.of("first", "second", "third", "many", "few", "several");

    private static final List<String> HINTS =
            List.of(
                    "Go deeper: explain why things happened and how your thinking changed.",
                    "Say what you learned about yourself and how you felt.",
                    "Compare ideas, weigh the evidence or consider another perspective.",
                    "Describe what you will do differently next time.",
                    "Add concrete examples, details or quotations.");

    private static final List<String> LABELS =
            List.of(
                    "depth",
                    "self-awareness",
                    "critical thinking",
                    "growth mindset",
                    "specificity");

    private final PhraseMatcher matcher;

    public ReflectionScorer() {
        Set<String> phrases = new LinkedHashSet<>();
        for (List<Family> families :
                List.of(
                        DEPTH_CONNECTIVES,
                        SELF_AWARENESS,
                        CRITICAL_THINKING,
                        GROWTH_MINDSET,
                        SPECIFICITY)) {
            families.forEach(f -> phrases.addAll(f.phrases()));
        }
        MISTAKE_PAIRS.forEach(
                p -> {
                    phrases.addAll(p.first());
                    phrases.addAll(p.second());
                });
        phrases.addAll(QUANTITY_WORDS);
        this.matcher = PhraseMatcher.of(phrases);
    }

    public ReflectionScore score(String scoredText) {
        AnalyzedText text = AnalyzedText.of(scoredText);
        List<Match> matches = matcher.findAll(text);
        Set<String> matched = new HashSet<>();
        matches.forEach(m -> matched.add(m.phrase()));

        Dimensions dimensions =
                new Dimensions(
                        depth(text, matched),
                        selfAwareness(text, matched),
                        cap(familyPoints(CRITICAL_THINKING, matched)),
                        growthMindset(text, matches, matched),
                        specificity(text, matched));

        int overall =
                (25 * dimensions.depth()
                                + 20 * dimensions.selfAwareness()
                                + 25 * dimensions.criticalThinking()
                                + 15 * dimensions.growthMindset()
                                + 15 * dimensions.specificity()
                                + 50)
                        / 100;
        AccessLevel level = AccessLevel.forScore(overall);
        return new ReflectionScore(
                overall, dimensions, feedback(dimensions), level, level.nextLevelRequirements());
    }

    private static int depth(AnalyzedText text, Set<String> matched) {
        int tokens = text.tokenCount();
        int points = 0;
        if (tokens > 200) {
            points = 30;
        } else if (tokens > 100) {
            points = 20;
        } else if (tokens > 50) {
            points = 10;
        }
        return cap(points + familyPoints(DEPTH_CONNECTIVES, matched));
    }

    private static int selfAwareness(AnalyzedText text, Set<String> matched) {
        int firstPerson = 0;
        for (Token token : text.tokens()) {
            if (PersonTokens.FIRST_PERSON.contains(token.lower())) {
                firstPerson++;
            }
        }
        int points = firstPerson > 5 ? 30 : 0;
        return cap(points + familyPoints(SELF_AWARENESS, matched));
    }

    private static int growthMindset(AnalyzedText text, List<Match> matches, Set<String> matched) {
        int points = familyPoints(GROWTH_MINDSET, matched);
        if (hasSameLinePair(text, matches)) {
            points += MISTAKE_RULE_POINTS;
        }
        return cap(points);
    }

    /**
     * Tests whether one line has a first word of a pair followed later on that line by its second
     * word. The matches arrive in start order, so the earliest first word of a line is seen first.
     */
    private static boolean hasSameLinePair(AnalyzedText text, List<Match> matches) {
        for (SameLinePair pair : MISTAKE_PAIRS) {
            int firstLine = -1;
            int firstEnd = -1;
            for (Match match : matches) {
                if (pair.first().contains(match.phrase()) && firstEnd < 0) {
                    firstLine = text.lineIndexOf(match.start());
                    firstEnd = match.end();
                } else if (pair.first().contains(match.phrase())) {
                    int line = text.lineIndexOf(match.start());
                    if (line != firstLine) {
                        firstLine = line;
                        firstEnd = match.end();
                    }
                } else if (pair.second().contains(match.phrase())
                        && firstEnd >= 0
                        && match.start() >= firstEnd
                        && text.lineIndexOf(match.start()) == firstLine) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int specificity(AnalyzedText text, Set<String> matched) {
        int points = familyPoints(SPECIFICITY, matched);
        if (hasAsciiDigit(text.normalized())
                || QUANTITY_WORDS.stream().anyMatch(matched::contains)) {
            points += 20;
        }

        int longSentencePoints = 0;
        for (Span sentence : text.sentences()) {
            if (text.tokensIn(sentence) > 15) {
                longSentencePoints += 10;
            }
        }
        points += Math.min(30, longSentencePoints);

        if (QuotedSpans.containsQuotedSpan(text)) {
            points += 20;
        }
        return cap(points);
    }

    private static List<String> feedback(Dimensions d) {
        int[] values = {
            d.depth(), d.selfAwareness(), d.criticalThinking(), d.growthMindset(), d.specificity()
        };
        List<String> feedback = new ArrayList<>();
        int strongest = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 50) {
                feedback.add(HINTS.get(i));
            }
            if (values[i] > values[strongest]) {
                strongest = i;
            }
        }
        if (values[strongest] >= 50) {
            feedback.add("Your strongest area is " + LABELS.get(strongest) + ".");
        }
        return feedback;
    }

    private static int familyPoints(List<Family> families, Set<String> matched) {
        int points = 0;
        for (Family family : families) {
            for (String phrase : family.phrases()) {
                if (matched.contains(phrase)) {
                    points += family.points();
                    break;
                }
            }
        }
        return points;
    }

    private static boolean hasAsciiDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int cap(int points) {
        return Math.min(100, points);
    }
}
