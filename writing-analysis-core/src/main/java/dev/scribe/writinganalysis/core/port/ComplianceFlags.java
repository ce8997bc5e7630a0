package dev.scribe.writinganalysis.core.port;

/**
 * Compliance flags of an audit entry; a false flag marks a processing without its legal ground.
 *
 * @param gdpr false for a share without legal basis
 * @param ferpa false for access to an educational record without purpose
 * @param coppa false for processing data of a subject under 13 without guardian consent
 */
public record ComplianceFlags(boolean gdpr, boolean ferpa, boolean coppa) {

    public static final ComplianceFlags ALL_TRUE = new ComplianceFlags(true, true, true);

    public boolean allTrue() {
        return gdpr && ferpa && coppa;
    }
}
