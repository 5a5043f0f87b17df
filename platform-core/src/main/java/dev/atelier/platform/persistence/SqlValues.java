package dev.atelier.platform.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Values as native queries hand them back, made Java types. */
public final class SqlValues {

    /**
     * SQL for a {@code timestamptz} column ({@code %s}) as microseconds since the epoch: a plain number, far cheaper
     * to read back in bulk than a timestamp; see {@link #ofEpochMicros}.
     */
    public static final String EPOCH_MICROS = "cast(extract(epoch from %s) * 1000000 as bigint)";

    private SqlValues() {
    }

    /** A value selected with {@link #EPOCH_MICROS}. */
    public static Instant ofEpochMicros(Object value) {
        long micros = ((Number) value).longValue();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
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
