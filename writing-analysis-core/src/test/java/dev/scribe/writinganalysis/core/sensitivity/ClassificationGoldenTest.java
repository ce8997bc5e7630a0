package dev.scribe.writinganalysis.core.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The classification golden cases: elements, offsets, score, level, recommendations, redaction. */
class ClassificationGoldenTest {

    private static final SensitivityClassifier CLASSIFIER =
            new SensitivityClassifier(SensitivityConfig.defaults(), () -> 0L);

    private static final List<String> H =
            List.of(
                    "Restrict access to this content to its author and explicitly authorised staff.",
                    "Offer the student an anonymous or pseudonymous way to submit.",
                    "Obtain explicit consent before any further processing or sharing.");
    private static final List<String> M =
            List.of(
                    "Apply the standard privacy protections.",
                    "Limit access to the student's own educators.",
                    "Prefer aggregated use of this content.");
    private static final List<String> MH =
            List.of(
                    "Make support resources visible to the student.",
                    "Involve counselling services if the student agrees.");
    private static final List<String> SH =
            List.of("Follow the institution's safeguarding procedure without delay.");
    private static final List<String> F =
            List.of(
                    "Handle financial identifiers to payment-card industry standards.",
                    "Never store financial identifiers in clear text.");

    record Expected(String type, String text, int start, int end) {}

    private static Expected e(String type, String text, int start, int end) {
        return new Expected(type, text, start, end);
    }

    @SafeVarargs
    private static List<String> recs(List<String>... groups) {
        List<String> all = new ArrayList<>();
        for (List<String> group : groups) {
            all.addAll(group);
        }
        return all;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "C1",
                        "Please email me at sam.lee@example.org tomorrow.",
                        List.of(e("personal_emails", "sam.lee@example.org", 19, 38)),
                        "0.63",
                        SensitivityLevel.LOW,
                        recs(),
                        "Please email me at [REDACTED_PERSONAL_EMAILS] tomorrow."),
                Arguments.of(
                        "C2",
                        "Contact Ana Ruiz or Ben Cole about the draft.",
                        List.of(
                                e("personal_names", "Ana Ruiz", 8, 16),
                                e("personal_names", "Ben Cole", 20, 28)),
                        "0.63",
                        SensitivityLevel.LOW,
                        recs(),
                        "Contact [REDACTED_PERSONAL_NAMES] or [REDACTED_PERSONAL_NAMES] about the"
                                + " draft."),
                Arguments.of(
                        "C3",
                        "My card is 4111 1111 1111 1111.",
                        List.of(e("financial_creditCards", "4111 1111 1111 1111", 11, 30)),
                        "0.95",
                        SensitivityLevel.HIGH,
                        recs(H, F),
                        "My card is [REDACTED_FINANCIAL_CREDITCARDS]."),
                Arguments.of(
                        "C4",
                        "My card is 4000 1234 5678 9010.",
                        List.of(),
                        "0",
                        SensitivityLevel.NONE,
                        recs(),
                        "My card is 4000 1234 5678 9010."),
                Arguments.of(
                        "C5",
                        "We are feeling anxious about my family situation at home.",
                        List.of(
                                e("mental_health", "feeling anxious", 7, 22),
                                e("family_situation", "my family situation", 29, 48)),
                        "0.955",
                        SensitivityLevel.HIGH,
                        recs(H, MH),
                        "We are [REDACTED_MENTAL_HEALTH] about [REDACTED_FAMILY_SITUATION] at home."),
                Arguments.of(
                        "C6",
                        "Budget was $1,250.00 for the trip.",
                        List.of(e("financial_currency", "$1,250.00", 11, 20)),
                        "0.475",
                        SensitivityLevel.NONE,
                        recs(),
                        "Budget was [REDACTED_FINANCIAL_CURRENCY] for the trip."),
                Arguments.of(
                        "C7",
                        "Reach me at (555) 201-3344 or 555.201.3344",
                        List.of(
                                e("personal_phones", "(555) 201-3344", 12, 26),
                                e("personal_phones", "555.201.3344", 30, 42)),
                        "0.63",
                        SensitivityLevel.LOW,
                        recs(),
                        "Reach me at [REDACTED_PERSONAL_PHONES] or [REDACTED_PERSONAL_PHONES]"),
                Arguments.of(
                        "C8",
                        "Sometimes I want to hurt myself.",
                        List.of(e("self_harm", "want to hurt myself", 12, 31)),
                        "0.95",
                        SensitivityLevel.HIGH,
                        recs(H, MH, SH),
                        "Sometimes I [REDACTED_SELF_HARM]."),
                Arguments.of(
                        "C9",
                        "Ana Ruiz, ana.ruiz@example.org, 555-201-3344",
                        List.of(
                                e("personal_names", "Ana Ruiz", 0, 8),
                                e("personal_emails", "ana.ruiz@example.org", 10, 30),
                                e("personal_phones", "555-201-3344", 32, 44)),
                        "0.83",
                        SensitivityLevel.MEDIUM,
                        recs(M),
                        "[REDACTED_PERSONAL_NAMES], [REDACTED_PERSONAL_EMAILS],"
                                + " [REDACTED_PERSONAL_PHONES]"),
                Arguments.of(
                        "C10",
                        "I live at 42 Elm Street.",
                        List.of(e("personal_addresses", "42 Elm Street", 10, 23)),
                        "0.72",
                        SensitivityLevel.MEDIUM,
                        recs(M),
                        "I live at [REDACTED_PERSONAL_ADDRESSES]."),
                Arguments.of(
                        "C11",
                        "My number is 000-12-3456.",
                        List.of(),
                        "0",
                        SensitivityLevel.NONE,
                        recs(),
                        "My number is 000-12-3456."),
                Arguments.of(
                        "C12",
                        "Call +14155552671 today.",
                        List.of(e("personal_phones", "+14155552671", 5, 17)),
                        "0.63",
                        SensitivityLevel.LOW,
                        recs(),
                        "Call [REDACTED_PERSONAL_PHONES] today."),
                Arguments.of(
                        "C13",
                        "I hate this. Terrible, awful day.",
                        List.of(e("emotional_distress", "", 0, 0)),
                        "0.8",
                        SensitivityLevel.MEDIUM,
                        recs(M),
                        "I hate this. Terrible, awful day."),
                Arguments.of(
                        "C14",
                        "Account 12345678 is closed.",
                        List.of(e("financial_bankAccounts", "12345678", 8, 16)),
                        "0.855",
                        SensitivityLevel.MEDIUM,
                        recs(M, F),
                        "Account [REDACTED_FINANCIAL_BANKACCOUNTS] is closed."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void goldenCase(
            String id,
            String content,
            List<Expected> expectedElements,
            String expectedScore,
            SensitivityLevel expectedLevel,
            List<String> expectedRecommendations,
            String expectedRedacted) {
        Classification result = CLASSIFIER.classify(content);

        List<Expected> actualElements =
                result.sensitiveElements().stream()
                        .map(el -> e(el.type(), el.text(), el.startIndex(), el.endIndex()))
                        .toList();
        assertThat(actualElements).as("elements").isEqualTo(expectedElements);
        assertThat(result.sensitivityScore())
                .as("score")
                .isEqualByComparingTo(new BigDecimal(expectedScore));
        assertThat(result.sensitivityLevel()).as("level").isEqualTo(expectedLevel);
        assertThat(result.recommendations())
                .as("recommendations")
                .isEqualTo(expectedRecommendations);
        assertThat(result.redactedContent()).as("redactedContent").isEqualTo(expectedRedacted);
        assertThat(result.manualReviewRequired()).as("manualReviewRequired").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void elementConfidencesMatchTypeTable(
            String id,
            String content,
            List<Expected> expectedElements,
            String expectedScore,
            SensitivityLevel expectedLevel,
            List<String> expectedRecommendations,
            String expectedRedacted) {
        for (SensitiveElement element : CLASSIFIER.classify(content).sensitiveElements()) {
            BigDecimal expected =
                    element.type().equals("emotional_distress")
                            ? new BigDecimal("1.00")
                            : ElementType.fromWireName(element.type()).confidence();
            assertThat(element.confidence()).as(element.type()).isEqualByComparingTo(expected);
        }
    }
}
