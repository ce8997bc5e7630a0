package dev.scribe.writinganalysis.core.port;

import java.util.Set;

/**
 * Read access to the platform's consent store. A runtime exception means no decision could be
 * obtained; the engine then refuses the request with {@code UNAVAILABLE} (detail {@code
 * CONSENT_UNAVAILABLE}).
 */
public interface ConsentStore {

    /** Stored decisions of the subject for the given purposes, plus the subject's age if known. */
    ConsentSnapshot consents(String subjectId, Set<String> purposes);
}
