package dev.atelier.platform.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Values as native queries hand them back, made Java types. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column, whichever type the driver chose for it. */
    public static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalArgumentException("not a timestamp: " + value);
        };
    }

    /** A {@code date} column, whichever type the driver chose for it. */
    public static LocalDate localDate(Object value) {
        return switch (value) {
            case LocalDate date -> date;
            case Date date -> date.toLocalDate();
            default -> throw new IllegalArgumentException("not a date: " + value);
        };
    }
}
