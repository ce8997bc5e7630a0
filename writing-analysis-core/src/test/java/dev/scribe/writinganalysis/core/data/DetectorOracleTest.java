package dev.scribe.writinganalysis.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scribe.writinganalysis.core.sensitivity.Classification;
import dev.scribe.writinganalysis.core.sensitivity.SensitiveElement;
import dev.scribe.writinganalysis.core.sensitivity.SensitivityClassifier;
import dev.scribe.writinganalysis.core.text.AnalyzedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Compares the hand-written detectors with plain regular expressions written from the same pattern
 * definitions, over the shared evaluation texts: every regex match must lie inside a detected
 * element. The PII set's labelled e-mail and phone spans give a recall figure.
 */
class DetectorOracleTest {

    private static final SensitivityClassifier CLASSIFIER = SensitivityClassifier.withDefaults();

    private static final String TOKEN_CHAR = "[\\p{L}\\p{M}\\p{Nd}_]";

    private static final Pattern EMAIL =
            Pattern.compile("[\\p{L}0-9._%+-]+@(?:[\\p{L}0-9-]+\\.)+\\p{L}{2,}");

    private static final Pattern PHONE =
            Pattern.compile(
                    "(?<![0-9])(?:\\+?1[-. ]?)?(?:\\([2-9][0-9]{2}\\) ?|[2-9][0-9]{2}[-. ])"
                            + "[2-9][0-9]{2}[-. ][0-9]{4}(?![0-9])"
                            + "|(?<![0-9])[2-9][0-9]{2}[-.][0-9]{4}(?![0-9])"
                            + "|(?<![0-9])\\+[1-9][0-9]{7,14}(?![0-9])");

    private static final Map<String, Pattern> ORACLES =
            Map.of(
                    "personal_emails",
                    EMAIL,
                    "personal_phones",
                    PHONE,
                    "personal_ssn",
                    Pattern.compile(
                            "(?<![0-9])(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}(?![0-9])"),
                    "financial_bankAccounts",
                    Pattern.compile("(?<![0-9])[0-9]{8,17}(?![0-9])"),
                    "financial_currency",
                    Pattern.compile("[$\u20AC\u00A3][0-9]+(?:,[0-9]{3})*(?:\\.[0-9]{2})?"),
                    "personal_addresses",
                    Pattern.compile(
                            "(?<!"
                                    + TOKEN_CHAR
                                    + ")[0-9]{1,5}\\s+\\p{L}+(?:\\s+\\p{L}+)?\\s+"
                                    + "(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Court|Ct"
                                    + "|Boulevard|Blvd)(?!"
                                    + TOKEN_CHAR
                                    + ")",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS));

    @Test
    void everyRegexMatchIsInsideAnElement() {
        List<SharedData.Entry> entries = new ArrayList<>();
        entries.addAll(SharedData.load("essays/essays.jsonl"));
        entries.addAll(SharedData.load("reflections/reflections.jsonl"));
        entries.addAll(SharedData.load("pii/pii.jsonl"));

        int checkedMatches = 0;
        for (SharedData.Entry entry : entries) {
            Classification result = CLASSIFIER.classify(entry.text());
            String normalized = AnalyzedText.of(entry.text()).normalized();
            for (Map.Entry<String, Pattern> oracle : ORACLES.entrySet()) {
                Matcher m = oracle.getValue().matcher(normalized);
                while (m.find()) {
                    checkedMatches++;
                    assertThat(covered(result, m.start(), m.end()))
                            .as(
                                    "%s match [%d, %d) in %s",
                                    oracle.getKey(), m.start(), m.end(), entry.id())
                            .isTrue();
                }
            }
        }
        System.out.printf("Regex matches checked against detected elements: %d%n", checkedMatches);
        assertThat(checkedMatches).isPositive();
    }

    @Test
    void labelledEmailsAndPhonesFound() {
        List<SharedData.Entry> entries = SharedData.load("pii/pii.jsonl");

        for (String label : List.of("EMAIL_ADDRESS", "PHONE_NUMBER")) {
            String type = label.equals("EMAIL_ADDRESS") ? "personal_emails" : "personal_phones";
            Pattern oracle = label.equals("EMAIL_ADDRESS") ? EMAIL : PHONE;
            int labelled = 0;
            int matchingPattern = 0;
            int found = 0;
            for (SharedData.Entry entry : entries) {
                assertThat(entry.text().codePointCount(0, entry.text().length()))
                        .as(
                                "label offsets are code points; %s must have no supplementary characters",
                                entry.id())
                        .isEqualTo(entry.text().length());
                Classification result = CLASSIFIER.classify(entry.text());
                for (SharedData.LabelledSpan span : entry.spans()) {
                    if (!span.type().equals(label)) {
                        continue;
                    }
                    labelled++;
                    boolean detected =
                            overlapsElementOfType(result, type, span.start(), span.end());
                    if (detected) {
                        found++;
                    }
                    if (oracleOverlaps(oracle, entry.text(), span.start(), span.end())) {
                        matchingPattern++;
                        assertThat(detected)
                                .as(
                                        "%s [%d, %d) in %s matches the pattern",
                                        label, span.start(), span.end(), entry.id())
                                .isTrue();
                    }
                }
            }
            System.out.printf(
                    "%s recall: %d of %d labelled spans found (%.1f %%); %d of them match the"
                            + " detector patterns%n",
                    label, found, labelled, 100.0 * found / Math.max(1, labelled), matchingPattern);
            assertThat(labelled).isPositive();
        }
    }

    private static boolean covered(Classification result, int start, int end) {
        for (SensitiveElement element : result.sensitiveElements()) {
            if (element.startIndex() <= start && element.endIndex() >= end && end > start) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsElementOfType(
            Classification result, String type, int start, int end) {
        for (SensitiveElement element : result.sensitiveElements()) {
            if (element.type().equals(type)
                    && element.startIndex() < end
                    && start < element.endIndex()) {
                return true;
            }
        }
        return false;
    }

    private static boolean oracleOverlaps(Pattern oracle, String text, int start, int end) {
        Matcher m = oracle.matcher(AnalyzedText.of(text).normalized());
        while (m.find()) {
            if (m.start() < end && start < m.end()) {
                return true;
            }
        }
        return false;
    }
}
