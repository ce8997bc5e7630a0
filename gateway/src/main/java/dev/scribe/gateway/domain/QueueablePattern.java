package dev.scribe.gateway.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code queueable} entry of a route: an HTTP method and a path whose segments are literal or
 * {@code *} (exactly one segment).
 *
 * @param method upper-case HTTP method
 * @param segments path segments; {@code *} matches any one non-empty segment
 */
public record QueueablePattern(String method, List<String> segments) {

    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final Pattern SEGMENT = Pattern.compile("\\*|[a-z0-9][a-z0-9._-]*");

    public QueueablePattern {
        segments = List.copyOf(segments);
    }

    /**
     * Parses {@code METHOD /path}, such as {@code POST /api/writing-analysis/progress}.
     *
     * @throws IllegalArgumentException naming the rule that {@code text} breaks
     */
    public static QueueablePattern parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "Invalid queueable pattern '"
                            + text
                            + "': expected METHOD /path, such as POST /api/documents/*/content");
        }
        String method = parts[0].toUpperCase(Locale.ROOT);
        if (!WRITE_METHODS.contains(method)) {
            throw new IllegalArgumentException(
                    "Invalid queueable pattern '"
                            + text
                            + "': method must be one of POST, PUT, PATCH or DELETE, because reads"
                            + " are never queued");
        }
        String path = parts[1];
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException(
                    "Invalid queueable pattern '"
                            + text
                            + "': the path must start with / and must not end with /");
        }
        List<String> segments = Arrays.asList(path.substring(1).split("/"));
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException(
                        "Invalid queueable pattern '"
                                + text
                                + "': segment '"
                                + segment
                                + "' must be * or lower-case letters, digits, '.', '_' or '-'");
            }
        }
        return new QueueablePattern(method, segments);
    }

    /** Checks whether the pattern starts with the route's prefix, so the route can own it. */
    public boolean isUnder(String pathPrefix) {
        String path = "/" + String.join("/", segments);
        return path.startsWith(pathPrefix + "/") || path.equals(pathPrefix);
    }

    /**
     * Returns the resource part of a matching path: the segments up to and including the last
     * {@code *} of the pattern, or the whole path when the pattern has no {@code *}. Requests to
     * the same resource path replay in order.
     *
     * @return the resource path, or {@code null} when the request does not match
     */
    public String resourcePath(String method, List<String> pathSegments) {
        if (!this.method.equals(method) || pathSegments.size() != segments.size()) {
            return null;
        }
        int lastWildcard = -1;
        for (int index = 0; index < segments.size(); index++) {
            String expected = segments.get(index);
            String actual = pathSegments.get(index);
            if (expected.equals("*")) {
                if (actual.isEmpty()) {
                    return null;
                }
                lastWildcard = index;
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        List<String> resource =
                lastWildcard < 0 ? pathSegments : pathSegments.subList(0, lastWildcard + 1);
        return "/" + String.join("/", resource);
    }
}
