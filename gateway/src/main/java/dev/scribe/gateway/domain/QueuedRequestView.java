package dev.scribe.gateway.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * What a user or an administrator sees of a queued write: no body, no headers and no subject data
 * beyond the entry's own fields. {@code lastError} is a short code such as {@code HTTP_503} or
 * {@code CONNECT_FAILED}, never an upstream message.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuedRequestView(
        UUID requestId,
        String service,
        String method,
        String path,
        String idempotencyKey,
        String status,
        String acceptedAt,
        int attempts,
        String nextAttemptAt,
        String lastError,
        String deliveredAt) {

    /** Wire format of times: ISO-8601 in UTC with millisecond precision. */
    public static final DateTimeFormatter WIRE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public static QueuedRequestView of(QueuedRequest entry) {
        boolean waiting = !entry.status().isTerminal();
        return new QueuedRequestView(
                entry.id(),
                entry.service(),
                entry.method(),
                pathOf(entry.pathAndQuery()),
                entry.idempotencyKey(),
                entry.status().name(),
                format(entry.acceptedAt()),
                entry.attempts(),
                waiting ? format(entry.nextAttemptAt()) : null,
                entry.lastError(),
                format(entry.deliveredAt()));
    }

    public static String format(Instant instant) {
        return instant == null ? null : WIRE_TIME.format(instant);
    }

    /** Leaves out the query, which may carry values the user typed. */
    private static String pathOf(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }
}
