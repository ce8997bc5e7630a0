package dev.scribe.writinganalysis.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between {@link Instant} and {@code TIMESTAMP WITH TIME ZONE} columns. Values are
 * written in UTC through {@link OffsetDateTime}, which H2 and the PostgreSQL driver both map
 * without consulting the JVM's default time zone.
 */
final class SqlTimes {

    private SqlTimes() {}

    static @Nullable OffsetDateTime toSql(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
