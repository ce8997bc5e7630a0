package dev.scribe.writinganalysis.domain;

import dev.scribe.writinganalysis.core.port.ConsentDecision;
import dev.scribe.writinganalysis.core.port.ConsentSnapshot;
import dev.scribe.writinganalysis.core.port.ConsentSource;
import dev.scribe.writinganalysis.core.port.ConsentStore;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Consent decisions from the service's own table. The latest decision per purpose counts; the
 * engine decides what an expired or withdrawn one means.
 */
@Repository
public class JdbcConsentStore implements ConsentStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    public JdbcConsentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public ConsentSnapshot consents(String subjectId, Set<String> purposes) {
        Map<String, ConsentDecision> decisions = new HashMap<>();
        if (!purposes.isEmpty()) {
            List<ConsentDecision> rows =
                    jdbc.sql(
                                    """
                                    SELECT purpose, granted, withdrawn, source, expires_at
                                    FROM consent_decision
                                    WHERE subject_id = :subject AND purpose IN (:purposes)
                                    ORDER BY decided_at, id
                                    """)
                            .param("subject", subjectId)
                            .param("purposes", List.copyOf(purposes))
                            .query(
                                    (rs, n) ->
                                            new ConsentDecision(
                                                    rs.getString("purpose"),
                                                    rs.getBoolean("granted"),
                                                    rs.getBoolean("withdrawn"),
                                                    ConsentSource.valueOf(
                                                            rs.getString("source")
                                                                    .toUpperCase(Locale.ROOT)),
                                                    SqlTimes.instant(rs, "expires_at")))
                            .list();
            // Rows come oldest first, so the latest decision per purpose is the one kept.
            rows.forEach(decision -> decisions.put(decision.purpose(), decision));
        }
        return new ConsentSnapshot(ageOf(subjectId).orElse(null), decisions);
    }

    private Optional<Integer> ageOf(String subjectId) {
        Optional<Date> birthDate =
                jdbc.sql("SELECT birth_date FROM directory_user WHERE id = :id")
                        .param("id", subjectId)
                        .query((rs, n) -> Optional.ofNullable(rs.getDate("birth_date")))
                        .optional()
                        .flatMap(value -> value);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return birthDate.map(date -> Period.between(date.toLocalDate(), today).getYears());
    }
}
