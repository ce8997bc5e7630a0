package dev.scribe.writinganalysis.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the trace id out of a W3C {@code traceparent} header. */
final class TraceParents {

    static final String HEADER = "traceparent";

    /** Version, 32-hex trace id, 16-hex parent id and flags, lower case. */
    private static final Pattern FORMAT =
            Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    /** The all-zero trace id, which the W3C format declares invalid. */
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    private TraceParents() {}

    /** Returns the trace id, or null when the header is absent or malformed. */
    static @Nullable String traceId(@Nullable String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher matcher = FORMAT.matcher(traceparent.trim());
        if (!matcher.matches() || matcher.group(1).equals(INVALID_TRACE_ID)) {
            return null;
        }
        return matcher.group(1);
    }
}
