package dev.scribe.writinganalysis.core.sensitivity;

import dev.scribe.writinganalysis.core.sentiment.SentimentScore;
import dev.scribe.writinganalysis.core.sentiment.SentimentScorer;
import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.Match;
import dev.scribe.writinganalysis.core.text.PhraseMatcher;
import dev.scribe.writinganalysis.core.text.Rational;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds personal and sensitive material in a text, scores it, assigns a level and redacts it.
 *
 * <p>Every detector runs in time linear in the text length. The elapsed time is checked between
 * detectors: once the guard timeout has passed, the remaining detectors are skipped, the result
 * contains the elements found so far with a level of at least medium, and manual review is
 * required. Thread-safe.
 */
public final class SensitivityClassifier {

    private static final Logger log = LoggerFactory.getLogger(SensitivityClassifier.class);

    private static final Rational TYPE_VARIETY_BONUS = Rational.of(1, 10);
    private static final Rational DISTRESS_THRESHOLD = Rational.of(-1, 2);

    private static final List<String> HIGH_RECOMMENDATIONS =
            List.of(
                    "Restrict access to this content to its author and explicitly authorised staff.",
                    "Offer the student an anonymous or pseudonymous way to submit.",
                    "Obtain explicit consent before any further processing or sharing.");
    private static final List<String> MEDIUM_RECOMMENDATIONS =
            List.of(
                    "Apply the standard privacy protections.",
                    "Limit access to the student's own educators.",
                    "Prefer aggregated use of this content.");
    private static final List<String> MENTAL_HEALTH_RECOMMENDATIONS =
            List.of(
                    "Make support resources visible to the student.",
                    "Involve counselling services if the student agrees.");
    private static final String SAFEGUARDING_RECOMMENDATION =
            "Follow the institution's safeguarding procedure without delay.";
    private static final List<String> FINANCIAL_RECOMMENDATIONS =
            List.of(
                    "Handle financial identifiers to payment-card industry standards.",
                    "Never store financial identifiers in clear text.");
    private static final String MANUAL_REVIEW_RECOMMENDATION =
            "Detection was limited; review this content manually.";

    private final SensitivityConfig config;
    private final LongSupplier nanoTime;
    private final SentimentScorer sentiment;
    private final PhraseMatcher disclosurePhrases;
    private final Map<String, ElementType> disclosureTypes;

    public SensitivityClassifier(SensitivityConfig config, LongSupplier nanoTime) {
        this.config = config;
        this.nanoTime = nanoTime;
        this.sentiment = new SentimentScorer(config.lexicon());
        this.disclosureTypes = DisclosurePhrases.byPhrase();
        this.disclosurePhrases = PhraseMatcher.of(disclosureTypes.keySet());
    }

    /** Creates a classifier with the default configuration and the system clock. */
    public static SensitivityClassifier withDefaults() {
        return new SensitivityClassifier(SensitivityConfig.defaults(), System::nanoTime);
    }

    public SensitivityConfig config() {
        return config;
    }

    public Classification classify(String content) {
        return classify(AnalyzedText.of(content));
    }

    /** Classifies an already prepared text, so a caller can reuse its tokens for other analyses. */
    public Classification classify(AnalyzedText text) {
        long startNanos = nanoTime.getAsLong();
        long guardNanos = config.guardTimeout().toNanos();
        String content = text.original();

        Detection detection = detect(text, startNanos, guardNanos);
        List<SensitiveElement> elements = merge(detection.candidates(), content);
        // Every merged element has a span and is replaced; the document-level element is not.
        int redactedCount = elements.size();
        String redacted = redact(content, elements);
        if (detection.distress() != null) {
            elements.add(detection.distress());
        }

        Rational score = score(elements);
        SensitivityLevel level = levelFor(score);
        if (detection.truncated()) {
            level = level.atLeast(SensitivityLevel.MEDIUM);
        }
        List<String> recommendations = recommendations(level, elements, detection.truncated());

        long elapsedNanos = nanoTime.getAsLong() - startNanos;
        if (elapsedNanos > config.slowWarning().toNanos()) {
            log.warn(
                    "Sensitivity classification took {} ms for content of {} characters",
                    elapsedNanos / 1_000_000,
                    content.length());
        }

        return new Classification(
                level,
                score.roundStripped(4),
                elements,
                recommendations,
                redacted,
                detection.truncated(),
                redactedCount);
    }

    private record Detection(
            List<Candidate> candidates, SensitiveElement distress, boolean truncated) {}

    private Detection detect(AnalyzedText text, long startNanos, long guardNanos) {
        String s = text.normalized();
        List<Candidate> candidates = new ArrayList<>();
        ScanIndex index = ScanIndex.of(s);

        List<Runnable> steps =
                List.of(
                        () -> SpanDetectors.ssn(s, index, candidates),
                        () -> SpanDetectors.creditCards(s, index, candidates),
                        () -> SpanDetectors.bankAccounts(index, candidates),
                        () -> SpanDetectors.emails(s, index, candidates),
                        () -> SpanDetectors.phones(s, index, candidates),
                        () -> SpanDetectors.addresses(s, index, candidates),
                        () -> SpanDetectors.names(s, index, config.nameStopwords(), candidates),
                        () -> addDisclosures(text, candidates),
                        () -> SpanDetectors.currency(s, index, candidates));
        for (Runnable step : steps) {
            if (nanoTime.getAsLong() - startNanos > guardNanos) {
                return new Detection(candidates, null, true);
            }
            step.run();
        }

        if (nanoTime.getAsLong() - startNanos > guardNanos) {
            return new Detection(candidates, null, true);
        }
        return new Detection(candidates, emotionalDistress(text), false);
    }

    private void addDisclosures(AnalyzedText text, List<Candidate> candidates) {
        for (Match match : disclosurePhrases.findAll(text)) {
            ElementType type = disclosureTypes.get(match.phrase());
            candidates.add(new Candidate(type, match.start(), match.end()));
        }
    }

    /** Adds the document-level element when the sentiment of the whole content is below -0.5. */
    private SensitiveElement emotionalDistress(AnalyzedText text) {
        SentimentScore score = sentiment.score(text);
        if (score.score().compareTo(DISTRESS_THRESHOLD) >= 0) {
            return null;
        }
        BigDecimal confidence = score.exactConfidence().round(2);
        return new SensitiveElement(
                ElementType.EMOTIONAL_DISTRESS.wireName(), "", 0, 0, confidence);
    }

    /**
     * Joins candidates whose spans overlap, transitively, into one element spanning their union.
     * The element takes the type of the member with the longest span, then the highest weight, then
     * the highest confidence, then the earliest row of the detector table.
     */
    static List<SensitiveElement> merge(List<Candidate> candidates, String content) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(
                Comparator.comparingInt(Candidate::start)
                        .thenComparing(Comparator.comparingInt(Candidate::end).reversed()));

        List<SensitiveElement> elements = new ArrayList<>();
        int k = 0;
        while (k < sorted.size()) {
            Candidate best = sorted.get(k);
            int groupStart = best.start();
            int groupEnd = best.end();
            k++;
            while (k < sorted.size() && sorted.get(k).start() < groupEnd) {
                Candidate next = sorted.get(k);
                groupEnd = Math.max(groupEnd, next.end());
                if (MEMBER_PRIORITY.compare(next, best) < 0) {
                    best = next;
                }
                k++;
            }
            ElementType type = best.type();
            elements.add(
                    new SensitiveElement(
                            type.wireName(),
                            content.substring(groupStart, groupEnd),
                            groupStart,
                            groupEnd,
                            type.confidence()));
        }
        return elements;
    }

    private static final Comparator<Candidate> MEMBER_PRIORITY =
            Comparator.<Candidate>comparingInt(c -> -(c.end() - c.start()))
                    .thenComparing(c -> c.type().weight(), Comparator.reverseOrder())
                    .thenComparing(c -> c.type().exactConfidence(), Comparator.reverseOrder())
                    .thenComparingInt(c -> c.type().ordinal());

    /** Returns min(1, max of c·w + 0.1·(T − 1)), where T is the number of distinct types. */
    static Rational score(List<SensitiveElement> elements) {
        if (elements.isEmpty()) {
            return Rational.ZERO;
        }

        Set<String> types = new HashSet<>();
        Rational max = Rational.ZERO;
        for (SensitiveElement element : elements) {
            types.add(element.type());
            Rational confidence = Rational.parse(element.confidence().toPlainString());
            Rational weighted = confidence.times(ElementType.fromWireName(element.type()).weight());
            max = max.max(weighted);
        }
        Rational bonus = TYPE_VARIETY_BONUS.times(Rational.of(types.size() - 1));
        return max.plus(bonus).min(Rational.ONE);
    }

    private SensitivityLevel levelFor(Rational score) {
        if (score.compareTo(config.highThreshold()) >= 0) {
            return SensitivityLevel.HIGH;
        }
        if (score.compareTo(config.mediumThreshold()) >= 0) {
            return SensitivityLevel.MEDIUM;
        }
        if (score.compareTo(config.lowThreshold()) >= 0) {
            return SensitivityLevel.LOW;
        }
        return SensitivityLevel.NONE;
    }

    static List<String> recommendations(
            SensitivityLevel level, List<SensitiveElement> elements, boolean manualReview) {
        Set<ElementType> types = EnumSet.noneOf(ElementType.class);
        for (SensitiveElement element : elements) {
            types.add(ElementType.fromWireName(element.type()));
        }

        List<String> result = new ArrayList<>();
        if (level == SensitivityLevel.HIGH) {
            result.addAll(HIGH_RECOMMENDATIONS);
        } else if (level == SensitivityLevel.MEDIUM) {
            result.addAll(MEDIUM_RECOMMENDATIONS);
        }
        if (types.contains(ElementType.MENTAL_HEALTH) || types.contains(ElementType.SELF_HARM)) {
            result.addAll(MENTAL_HEALTH_RECOMMENDATIONS);
        }
        if (types.contains(ElementType.SELF_HARM)) {
            result.add(SAFEGUARDING_RECOMMENDATION);
        }
        if (types.contains(ElementType.FINANCIAL_CREDIT_CARDS)
                || types.contains(ElementType.FINANCIAL_BANK_ACCOUNTS)) {
            result.addAll(FINANCIAL_RECOMMENDATIONS);
        }
        if (manualReview) {
            result.add(MANUAL_REVIEW_RECOMMENDATION);
        }
        return result;
    }

    /**
     * Replaces each redactable element by {@code [REDACTED_<TYPE>]}. The elements are merged, so
     * they never overlap, and building the result left to right gives the same text as replacing
     * them from the last to the first.
     */
    static String redact(String content, List<SensitiveElement> elements) {
        StringBuilder out = new StringBuilder(content.length());
        int copied = 0;
        for (SensitiveElement element : elements) {
            ElementType type = ElementType.fromWireName(element.type());
            if (!type.redactable()) {
                continue;
            }
            out.append(content, copied, element.startIndex());
            out.append(type.placeholder());
            copied = element.endIndex();
        }
        out.append(content, copied, content.length());
        return out.toString();
    }
}
