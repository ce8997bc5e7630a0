package dev.scribe.writinganalysis.core.purpose;

import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.PhraseMatcher;
import dev.scribe.writinganalysis.core.text.Rational;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores how well a free-text justification supports access to the requested data types, and
 * decides whether human approval is needed and from whom. Keyword matching is whole-word and
 * case-insensitive; all arithmetic is exact until the score is reported. Thread-safe.
 */
public final class PurposeValidator {

    /** A keyword category worth {@code weight} once if any member matches. */
    private record Category(Rational weight, List<String> keywords) {}

    private static final List<Category> EDUCATIONAL_CATEGORIES =
            List.of(
                    new Category(
                            Rational.parse("0.30"),
                            List.of(
                                    "learning",
                                    "learn",
                                    "teaching",
                                    "teach",
                                    "education",
                                    "educational",
                                    "pedagogy",
                                    "pedagogical",
                                    "instruction",
                                    "instructional",
                                    "curriculum")),
                    new Category(
                            Rational.parse("0.25"),
                            List.of(
                                    "assessment",
                                    "assess",
                                    "evaluation",
                                    "evaluate",
                                    "grading",
                                    "grade",
                                    "grades",
                                    "feedback",
                                    "progress",
                                    "performance")),
                    new Category(
                            Rational.parse("0.20"),
                            List.of(
                                    "improve",
                                    "improves",
                                    "improved",
                                    "improving",
                                    "improvement",
                                    "enhance",
                                    "enhancement",
                                    "develop",
                                    "development",
                                    "growth",
                                    "advancement",
                                    "optimization",
                                    "optimisation")),
                    new Category(
                            Rational.parse("0.15"),
                            List.of(
                                    "support",
                                    "help",
                                    "assist",
                                    "assistance",
                                    "guide",
                                    "guidance",
                                    "intervention",
                                    "interventions",
                                    "coaching")),
                    new Category(
                            Rational.parse("0.10"),
                            List.of(
                                    "research",
                                    "study",
                                    "analysis",
                                    "analyze",
                                    "analyse",
                                    "analyzing",
                                    "analysing",
                                    "investigation",
                                    "investigate",
                                    "examine",
                                    "explore")),
                    new Category(
                            Rational.parse("0.2"),
                            List.of("student outcomes", "learning objectives")));

    private static final Rational EDUCATOR_FACTOR = Rational.parse("1.2");

    private static final Rational STUDENT_PHRASE_POINTS = Rational.parse("0.15");
    private static final List<List<String>> STUDENT_PHRASES =
            List.of(
                    List.of("student success"),
                    List.of("learning improvement"),
                    List.of("academic achievement"),
                    List.of("skill development"),
                    List.of("personalized learning", "personalised learning"),
                    List.of("student engagement"),
                    List.of("reduce struggle"),
                    List.of("timely intervention"));
    private static final Rational SELF_REQUEST_POINTS = Rational.parse("0.3");
    private static final Category STUDENT_SUPPORT =
            new Category(
                    Rational.parse("0.2"),
                    List.of("intervention", "interventions", "support", "supports", "supporting"));

    private static final Rational PLATFORM_PHRASE_POINTS = Rational.parse("0.2");
    private static final List<String> PLATFORM_PHRASES =
            List.of(
                    "platform enhancement",
                    "system improvement",
                    "feature development",
                    "user experience",
                    "performance optimization",
                    "bug fix",
                    "quality assurance");
    private static final Category PLATFORM_METRICS =
            new Category(
                    Rational.parse("0.1"),
                    List.of("metric", "metrics", "measure", "measures", "analytics"));

    private static final List<Category> RESEARCH_CATEGORIES =
            List.of(
                    new Category(Rational.parse("0.3"), List.of("research", "study")),
                    new Category(
                            Rational.parse("0.3"), List.of("irb", "ethics", "ethical", "consent")),
                    new Category(
                            Rational.parse("0.4"),
                            List.of(
                                    "aggregated",
                                    "aggregate",
                                    "anonymous",
                                    "anonymized",
                                    "anonymised",
                                    "de-identified",
                                    "deidentified")));

    private static final Map<String, Rational> DATA_SENSITIVITY =
            Map.of(
                    "reflection", Rational.parse("0.9"),
                    "personal_notes", Rational.parse("0.9"),
                    "writing_content", Rational.parse("0.7"),
                    "progress_metrics", Rational.parse("0.5"),
                    "aggregated_analytics", Rational.parse("0.3"),
                    "course_data", Rational.parse("0.2"));
    private static final Rational DEFAULT_SENSITIVITY = Rational.parse("0.5");
    private static final Rational HIGH_SENSITIVITY = Rational.parse("0.7");
    private static final Set<String> PERSONAL_TYPES = Set.of("reflection", "personal_notes");

    private static final Rational HALF = Rational.of(1, 2);

    private final PurposeValidatorConfig config;
    private final PhraseMatcher matcher;

    public PurposeValidator(PurposeValidatorConfig config) {
        this.config = config;
        Set<String> phrases = new LinkedHashSet<>();
        EDUCATIONAL_CATEGORIES.forEach(c -> phrases.addAll(c.keywords()));
        STUDENT_PHRASES.forEach(phrases::addAll);
        phrases.addAll(STUDENT_SUPPORT.keywords());
        phrases.addAll(PLATFORM_PHRASES);
        phrases.addAll(PLATFORM_METRICS.keywords());
        RESEARCH_CATEGORIES.forEach(c -> phrases.addAll(c.keywords()));
        this.matcher = PhraseMatcher.of(phrases);
    }

    public static PurposeValidator withDefaults() {
        return new PurposeValidator(PurposeValidatorConfig.defaults());
    }

    /**
     * Validates a justification.
     *
     * @param requesterRole {@code student}, {@code educator}, {@code administrator} or {@code
     *     researcher}
     * @param targetUsers the student ids the request concerns; only counted and compared with the
     *     caller, may be null
     * @param callerId the authenticated caller, used to recognise a student asking about themselves
     */
    public PurposeValidation validate(
            String purpose,
            List<String> requestedData,
            String requesterRole,
            List<String> targetUsers,
            String callerId) {
        Set<String> matched = matcher.matchedPhrases(AnalyzedText.of(purpose));
        List<String> targets = targetUsers == null ? List.of() : targetUsers;
        String role = requesterRole.toLowerCase(Locale.ROOT);

        Rational educational = sumOfMatched(EDUCATIONAL_CATEGORIES, matched);
        if (role.equals("educator")) {
            educational = educational.times(EDUCATOR_FACTOR);
        }
        educational = educational.min(Rational.ONE);

        Rational student = Rational.ZERO;
        for (List<String> phrase : STUDENT_PHRASES) {
            if (phrase.stream().anyMatch(matched::contains)) {
                student = student.plus(STUDENT_PHRASE_POINTS);
            }
        }
        boolean selfRequest = targets.stream().allMatch(t -> t.equals(callerId));
        if (role.equals("student") && selfRequest) {
            student = student.plus(SELF_REQUEST_POINTS);
        }
        student = student.plus(sumOfMatched(List.of(STUDENT_SUPPORT), matched)).min(Rational.ONE);

        Rational platform = Rational.ZERO;
        for (String phrase : PLATFORM_PHRASES) {
            if (matched.contains(phrase)) {
                platform = platform.plus(PLATFORM_PHRASE_POINTS);
            }
        }
        platform =
                platform.plus(sumOfMatched(List.of(PLATFORM_METRICS), matched)).min(Rational.ONE);

        Rational research = sumOfMatched(RESEARCH_CATEGORIES, matched).min(Rational.ONE);

        Rational weighted =
                Rational.parse("0.4")
                        .times(educational)
                        .plus(Rational.parse("0.3").times(student))
                        .plus(Rational.parse("0.2").times(platform))
                        .plus(Rational.parse("0.1").times(research));
        Rational base = weighted.dividedBy(config.fullScoreWeightedSum()).min(Rational.ONE);
        Rational maxSensitivity = maxSensitivity(requestedData);
        Rational score =
                base.times(Rational.ONE.minus(Rational.parse("0.3").times(maxSensitivity)));
        BigDecimal reportedScore = score.round(2);

        // The rule compares the reported (rounded) score, not the exact one, with the minimum.
        boolean valid =
                Rational.parse(reportedScore.toPlainString()).compareTo(config.minScore()) >= 0;
        boolean personalData =
                requestedData.stream().anyMatch(t -> PERSONAL_TYPES.contains(key(t)));
        boolean sensitiveData = maxSensitivity.compareTo(HIGH_SENSITIVITY) > 0;
        boolean researcher = role.equals("researcher");
        boolean approvalRequired =
                !valid
                        || researcher
                        || (personalData && targets.size() > 1)
                        || (role.equals("administrator") && targets.size() == 1);

        List<String> approvers = null;
        if (approvalRequired) {
            Set<String> set = new LinkedHashSet<>();
            if (sensitiveData) {
                set.add("privacy_officer");
            }
            if (researcher) {
                set.add("irb_committee");
            }
            if (targets.size() > 5) {
                set.add("department_head");
            }
            if (personalData) {
                set.add("educational_director");
            }
            if (set.isEmpty()) {
                set.add("privacy_officer");
            }
            approvers = List.copyOf(set);
        }

        List<String> recommendations = new ArrayList<>();
        if (!valid) {
            recommendations.add(
                    "Strengthen the justification: state the educational benefit to students.");
        }
        if (educational.compareTo(HALF) < 0) {
            recommendations.add("Explain how the data supports learning, teaching or assessment.");
        }
        if (student.compareTo(HALF) < 0) {
            recommendations.add("Explain how the students concerned will benefit.");
        }
        if (sensitiveData) {
            recommendations.add("Request less sensitive data, or aggregated data, where possible.");
        }
        if (targets.size() > 10) {
            recommendations.add(
                    "Use aggregated analytics instead of individual records for groups larger than"
                            + " 10.");
        }
        if (researcher) {
            recommendations.add(
                    "Confirm IRB approval and the participants' research consent before access.");
        }

        Justification justification =
                new Justification(
                        educational.round(2),
                        platform.round(2),
                        student.round(2),
                        research.round(2));
        return new PurposeValidation(
                valid,
                reportedScore,
                approvalRequired,
                justification,
                recommendations,
                approvers,
                null);
    }

    private static Rational sumOfMatched(List<Category> categories, Set<String> matched) {
        Rational sum = Rational.ZERO;
        for (Category category : categories) {
            if (category.keywords().stream().anyMatch(matched::contains)) {
                sum = sum.plus(category.weight());
            }
        }
        return sum;
    }

    private static Rational maxSensitivity(List<String> requestedData) {
        Rational max = Rational.ZERO;
        for (String type : requestedData) {
            max = max.max(DATA_SENSITIVITY.getOrDefault(key(type), DEFAULT_SENSITIVITY));
        }
        return max;
    }

    private static String key(String dataType) {
        return dataType.toLowerCase(Locale.ROOT);
    }
}
