package dev.scribe.writinganalysis;

import java.util.List;

/**
 * Distinctive personal data that the interface suites send to the service, so that a scan of the
 * service's logs after the test run can prove that none of it was logged. Every value is made up
 * and unlikely to occur in a log line by chance.
 */
public final class PersonalDataCanaries {

    /** Prefix of every raw user id the suites create; pseudonyms are hex and never contain it. */
    public static final String USER_ID_PREFIX = "kestrel7";

    public static final String EMAIL = "marguerite.vandersloot@example.net";

    public static final String PHONE = "(555) 274-9183";

    public static final String SSN = "523-47-8891";

    public static final String NAME = "Marguerite Vandersloot";

    /** A sentence of essay text; the scan looks for a distinctive part of it. */
    public static final String ESSAY_SENTENCE =
            "My grandmother crossed the frozen Vistula at dawn with a violin wrapped in oilcloth.";

    /** A text that carries every canary, for the content fields of the tools. */
    public static final String TEXT =
            ESSAY_SENTENCE
                    + " I learned to write about her because my teacher "
                    + NAME
                    + " asked me to. Write to me at "
                    + EMAIL
                    + " or call "
                    + PHONE
                    + "; my number is "
                    + SSN
                    + ".";

    private PersonalDataCanaries() {}

    /**
     * Returns the strings that must never appear in a log: each canary, and the fragments of them
     * that a partial leak would still show.
     */
    public static List<String> forbiddenInLogs() {
        return List.of(
                USER_ID_PREFIX,
                EMAIL,
                "vandersloot@",
                PHONE,
                "274-9183",
                SSN,
                NAME,
                "Vandersloot",
                ESSAY_SENTENCE,
                "violin wrapped in oilcloth",
                "frozen Vistula");
    }
}
