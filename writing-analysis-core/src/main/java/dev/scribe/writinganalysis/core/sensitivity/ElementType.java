package dev.scribe.writinganalysis.core.sensitivity;

import dev.scribe.writinganalysis.core.text.Rational;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The element types of the classifier with their fixed confidence c and weight w. The declaration
 * order is the table order that breaks the last tie when overlapping candidates merge.
 */
public enum ElementType {
    PERSONAL_SSN("personal_ssn", "0.90", "1.0"),
    FINANCIAL_CREDIT_CARDS("financial_creditCards", "0.95", "1.0"),
    FINANCIAL_BANK_ACCOUNTS("financial_bankAccounts", "0.95", "0.9"),
    PERSONAL_EMAILS("personal_emails", "0.90", "0.7"),
    PERSONAL_PHONES("personal_phones", "0.90", "0.7"),
    PERSONAL_ADDRESSES("personal_addresses", "0.90", "0.8"),
    PERSONAL_NAMES("personal_names", "0.90", "0.7"),
    SELF_HARM("self_harm", "0.95", "1.0"),
    MENTAL_HEALTH("mental_health", "0.95", "0.9"),
    MEDICAL("medical", "0.85", "0.8"),
    FAMILY_SITUATION("family_situation", "0.80", "0.7"),
    FINANCIAL_CURRENCY("financial_currency", "0.95", "0.5"),
    /** Document-level element without a span; its confidence comes from the sentiment score. */
    EMOTIONAL_DISTRESS("emotional_distress", "0", "0.8");

    private final String wireName;
    private final BigDecimal confidence;
    private final Rational exactConfidence;
    private final Rational weight;

    ElementType(String wireName, String confidence, String weight) {
        this.wireName = wireName;
        this.confidence = new BigDecimal(confidence);
        this.exactConfidence = Rational.parse(confidence);
        this.weight = Rational.parse(weight);
    }

    public String wireName() {
        return wireName;
    }

    /** Returns the fixed confidence, reported with two decimals. */
    public BigDecimal confidence() {
        return confidence;
    }

    Rational exactConfidence() {
        return exactConfidence;
    }

    public Rational weight() {
        return weight;
    }

    /** Tests whether elements of this type have a text span that redaction replaces. */
    public boolean redactable() {
        return this != EMOTIONAL_DISTRESS;
    }

    /** Returns the redaction placeholder, for example {@code [REDACTED_PERSONAL_EMAILS]}. */
    public String placeholder() {
        return "[REDACTED_" + wireName.toUpperCase(Locale.ROOT) + "]";
    }

    public static ElementType fromWireName(String name) {
        for (ElementType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown element type: " + name);
    }
}
