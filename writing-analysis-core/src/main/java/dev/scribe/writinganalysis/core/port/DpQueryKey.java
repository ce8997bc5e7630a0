package dev.scribe.writinganalysis.core.port;

import java.time.LocalDate;

/**
 * Identity of a differentially private query for caching: repeating it on the same UTC day returns
 * the stored answer, so repetition cannot average the noise away.
 *
 * @param scope {@code class} or {@code cohort}
 * @param targetId course or cohort id
 * @param timeframe {@code day}, {@code week}, {@code month} or {@code semester}
 * @param recipientRole role of the recipient, for example {@code educator}
 * @param utcDay the UTC day of the query
 */
public record DpQueryKey(
        String scope, String targetId, String timeframe, String recipientRole, LocalDate utcDay) {}
