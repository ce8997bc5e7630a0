package dev.scribe.writinganalysis.core.sensitivity;

import dev.scribe.writinganalysis.core.text.AnalyzedText;
import dev.scribe.writinganalysis.core.text.Match;
import dev.scribe.writinganalysis.core.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reduced detector set of the heuristic tier (writing-analysis §6.2, row 2.5): emails, phones,
 * names, SSNs, cards and the mental-health and self-harm phrases, over at most the first {@value
 * #MAX_SCANNED_CHARS} characters. It lives in this package because it reuses the package-private
 * detectors, merge and redaction of the full classifier, so both tiers find identical spans for the
 * types they share. Thread-safe.
 */
public final class LimitedScan {

    /** Characters scanned; a longer content is reported as truncated. */
    public static final int MAX_SCANNED_CHARS = 20_000;

    private final Set<String> nameStopwords;
    private final PhraseMatcher disclosurePhrases;
    private final Map<String, ElementType> disclosureTypes;

    public LimitedScan(Set<String> nameStopwords) {
        this.nameStopwords = Set.copyOf(nameStopwords);
        Map<String, ElementType> types = new LinkedHashMap<>();
        DisclosurePhrases.SELF_HARM.forEach(p -> types.put(p, ElementType.SELF_HARM));
        DisclosurePhrases.MENTAL_HEALTH.forEach(p -> types.put(p, ElementType.MENTAL_HEALTH));
        this.disclosureTypes = Map.copyOf(types);
        this.disclosurePhrases = PhraseMatcher.of(types.keySet());
    }

    /** Creates a scan with the default name stopwords of the full classifier. */
    public static LimitedScan withDefaults() {
        return new LimitedScan(SensitivityConfig.defaults().nameStopwords());
    }

    /**
     * The outcome of one scan.
     *
     * @param elements merged elements with spans in the original content
     * @param redactedContent the content with every element replaced by its placeholder; an
     *     unscanned tail is dropped rather than passed on unchecked
     * @param truncated whether the content was longer than the scanned prefix
     */
    public record Result(
            List<SensitiveElement> elements, String redactedContent, boolean truncated) {

        public Result {
            elements = List.copyOf(elements);
        }

        public boolean redacted() {
            return !elements.isEmpty();
        }
    }

    public Result scan(String content) {
        boolean truncated = content.length() > MAX_SCANNED_CHARS;
        String scanned = truncated ? prefix(content) : content;

        AnalyzedText text = AnalyzedText.of(scanned);
        String s = text.normalized();
        ScanIndex index = ScanIndex.of(s);
        List<Candidate> candidates = new ArrayList<>();
        SpanDetectors.ssn(s, index, candidates);
        SpanDetectors.creditCards(s, index, candidates);
        SpanDetectors.emails(s, index, candidates);
        SpanDetectors.phones(s, index, candidates);
        SpanDetectors.names(s, index, nameStopwords, candidates);
        for (Match match : disclosurePhrases.findAll(text)) {
            candidates.add(
                    new Candidate(disclosureTypes.get(match.phrase()), match.start(), match.end()));
        }

        List<SensitiveElement> elements = SensitivityClassifier.merge(candidates, scanned);
        return new Result(elements, SensitivityClassifier.redact(scanned, elements), truncated);
    }

    /** Returns the recommendations of the full classifier (§2.5 step 6) for the given elements. */
    public static List<String> recommendations(
            SensitivityLevel level, List<SensitiveElement> elements, boolean manualReview) {
        return SensitivityClassifier.recommendations(level, elements, manualReview);
    }

    /** Cuts at the limit, one unit earlier rather than split a surrogate pair. */
    private static String prefix(String content) {
        int end = MAX_SCANNED_CHARS;
        if (Character.isHighSurrogate(content.charAt(end - 1))) {
            end--;
        }
        return content.substring(0, end);
    }
}
