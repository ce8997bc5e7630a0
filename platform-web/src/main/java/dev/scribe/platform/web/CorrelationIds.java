package dev.scribe.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Correlation ids as the edge accepts them: an inbound value is kept when it matches {@code
 * ^[A-Za-z0-9._-]{8,64}$}, otherwise a random UUID replaces it.
 */
public final class CorrelationIds {

    public static final String HEADER = "X-Correlation-ID";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private CorrelationIds() {}

    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    /** Returns the inbound value when it is valid, else a new random UUID. */
    public static String keepOrGenerate(String inbound) {
        return isValid(inbound) ? inbound : UUID.randomUUID().toString();
    }
}
