package dev.scribe.writinganalysis.core.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge cases of each detector, checked through the public classifier. */
class DetectorTest {

    private static final SensitivityClassifier CLASSIFIER =
            new SensitivityClassifier(SensitivityConfig.defaults(), () -> 0L);

    /** Returns "type:text" for every element of the classification. */
    private static List<String> found(String content) {
        return CLASSIFIER.classify(content).sensitiveElements().stream()
                .map(e -> e.type() + ":" + e.text())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SSN 123-45-6789 here | personal_ssn:123-45-6789",
                "SSN 666-45-6789 here | ",
                "SSN 912-45-6789 here | ",
                "SSN 123-00-6789 here | ",
                "SSN 123-45-0000 here | ",
                "SSN 1123-45-6789 here | ",
                "SSN 123-45-67890 here | "
            })
    void ssnValidity(String content, String expected) {
        assertThat(found(content)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pay 4111-1111-1111-1111 now | financial_creditCards:4111-1111-1111-1111",
                "pay 4111111111111111 now | financial_creditCards:4111111111111111",
                "pay 3782 822463 10005 now | financial_creditCards:3782 822463 10005",
                "pay 4111 1111-1111 1111 now | ",
                "pay 4111111111111112 now | financial_bankAccounts:4111111111111112",
                "pay 6011 0009 9013 9424 now | financial_creditCards:6011 0009 9013 9424"
            })
    void creditCardShapesAndLuhn(String content, String expected) {
        assertThat(found(content)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void creditCardTakesOptionalFifthGroup() {
        // 4111 1111 1111 1111 123 is Luhn-valid with the fifth group (19 digits).
        assertThat(SpanDetectors.luhn("4111111111111111123", 0, 19)).isFalse();
        assertThat(SpanDetectors.luhn("4111111111111111", 0, 16)).isTrue();
        assertThat(found("pay 4111 1111 1111 1111 123 now"))
                .containsExactly("financial_creditCards:4111 1111 1111 1111");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "id 1234567 end | ",
                "id 12345678901234567 end | financial_bankAccounts:12345678901234567",
                "id 123456789012345678 end | ",
                "id 1234 5678 end | "
            })
    void bankAccountLength(String content, String expected) {
        assertThat(found(content)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "write to jo+tag@mail.example.co.uk, thanks | personal_emails:jo+tag@mail.example.co.uk",
                "write to jo@example.org2 now | personal_emails:jo@example.org",
                "write to jo@example.c now | ",
                "write to @example.org now | ",
                "write to jo@example now | ",
                "write to élise@exemple.fr now | personal_emails:élise@exemple.fr"
            })
    void emailShapes(String content, String expected) {
        assertThat(found(content)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "call +1 555-201-3344 now | personal_phones:+1 555-201-3344",
                "call 1-555-201-3344 now | personal_phones:1-555-201-3344",
                "call 1(555)201-3344 now | personal_phones:1(555)201-3344",
                "call 201-3344 now | personal_phones:201-3344",
                "call 201 3344 now | ",
                "call 155-201-3344 now | personal_phones:201-3344",
                "call 555-101-3344 now | ",
                "call +4420794601 now | personal_phones:+4420794601",
                "call +0420794601 now | financial_bankAccounts:0420794601",
                "call 5555-201-3344 now | personal_phones:201-3344"
            })
    void phoneShapes(String content, String expected) {
        assertThat(found(content)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "at 1600 Pennsylvania Avenue today | personal_addresses:1600 Pennsylvania Avenue",
                "at 12 old mill rd today | personal_addresses:12 old mill rd",
                "at 12 Elm Streets today | personal_names:Elm Streets",
                "at 123456 Elm Street today | ",
                "at A12 Elm Street today | ",
                "at 7 Main Blvd. | personal_addresses:7 Main Blvd"
            })
    void addressShapes(String content, String expected) {
        assertThat(found(content)).isEqualTo(expected == null ? List.of() : List.of(expected));
    }

    @Test
    void longNameRunsCutIntoFours() {
        assertThat(found("met Ana Bea Cara Dina Eva today"))
                .containsExactly("personal_names:Ana Bea Cara Dina");
        assertThat(found("met Ana Bea Cara Dina Eva Fay today"))
                .containsExactly("personal_names:Ana Bea Cara Dina", "personal_names:Eva Fay");
    }

    @Test
    void nameStopwordSplitsRun() {
        assertThat(found("met Ana Ruiz The Ben Cole"))
                .containsExactly("personal_names:Ana Ruiz", "personal_names:Ben Cole");
        assertThat(found("Main Street is long")).isEmpty();
    }

    @Test
    void nameWordsNeedSingleSpaceAndWordBoundaries() {
        assertThat(found("met Ana  Ruiz today")).isEmpty();
        assertThat(found("met McDonald Ruiz today")).isEmpty();
        assertThat(found("met 'Ana Ruiz today")).isEmpty();
        assertThat(found("met Mary-Jane Watson today"))
                .containsExactly("personal_names:Mary-Jane Watson");
        assertThat(found("met Ana Ruiz's sister")).containsExactly("personal_names:Ana Ruiz");
    }

    @Test
    void currencyIsNotDigitBoundedAtEnd() {
        assertThat(found("cost €12,3456 total")).containsExactly("financial_currency:€12,345");
        assertThat(found("cost £5.999 total")).containsExactly("financial_currency:£5.99");
        assertThat(found("cost $ 5 total")).isEmpty();
    }

    @Test
    void disclosurePhrasesMatchWholeWordsWithTypographicApostrophe() {
        assertThat(found("I can\u2019t cope anymore"))
                .containsExactly("mental_health:can\u2019t cope");
        assertThat(found("my therapists")).isEmpty();
        assertThat(found("My Doctor said")).containsExactly("medical:My Doctor");
    }

    @Test
    void mergeKeepsLongestMemberType() {
        // "my doctor" (medical) lies inside the longer self-harm span and merges into it.
        List<Candidate> candidates =
                List.of(
                        new Candidate(ElementType.MEDICAL, 5, 14),
                        new Candidate(ElementType.SELF_HARM, 0, 14),
                        new Candidate(ElementType.PERSONAL_NAMES, 14, 20));
        List<SensitiveElement> merged =
                SensitivityClassifier.merge(candidates, "abcdefghijklmnopqrstuvwxyz");

        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).type()).isEqualTo("self_harm");
        assertThat(merged.get(0).startIndex()).isZero();
        assertThat(merged.get(0).endIndex()).isEqualTo(14);
        assertThat(merged.get(1).type()).isEqualTo("personal_names");
    }

    @Test
    void mergeBreaksLengthTieByWeightThenConfidence() {
        List<SensitiveElement> byWeight =
                SensitivityClassifier.merge(
                        List.of(
                                new Candidate(ElementType.FINANCIAL_BANK_ACCOUNTS, 0, 16),
                                new Candidate(ElementType.FINANCIAL_CREDIT_CARDS, 0, 16)),
                        "4111111111111111");
        List<SensitiveElement> byConfidence =
                SensitivityClassifier.merge(
                        List.of(
                                new Candidate(ElementType.FAMILY_SITUATION, 0, 4),
                                new Candidate(ElementType.PERSONAL_PHONES, 0, 4)),
                        "abcd");

        assertThat(byWeight.get(0).type()).isEqualTo("financial_creditCards");
        assertThat(byConfidence.get(0).type()).isEqualTo("personal_phones");
    }

    @Test
    void mergeIsTransitive() {
        List<SensitiveElement> merged =
                SensitivityClassifier.merge(
                        List.of(
                                new Candidate(ElementType.PERSONAL_NAMES, 0, 5),
                                new Candidate(ElementType.PERSONAL_NAMES, 4, 9),
                                new Candidate(ElementType.MEDICAL, 8, 12),
                                new Candidate(ElementType.MEDICAL, 12, 13)),
                        "abcdefghijklm");

        assertThat(merged).extracting(SensitiveElement::text).containsExactly("abcdefghijkl", "m");
    }
}
