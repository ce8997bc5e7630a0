package dev.scribe.writinganalysis.core.access;

/** Legal basis recorded in audit entries. */
public final class LegalBasis {

    private LegalBasis() {}

    /**
     * {@code consent} when a consent check was required or the purpose is research; {@code
     * legal_obligation} for privacy compliance; otherwise {@code legitimate_interest}.
     */
    public static String of(PurposeCode purpose, boolean consentChecked) {
        if (consentChecked || purpose == PurposeCode.RESEARCH) {
            return "consent";
        }
        if (purpose == PurposeCode.PRIVACY_COMPLIANCE) {
            return "legal_obligation";
        }
        return "legitimate_interest";
    }
}
