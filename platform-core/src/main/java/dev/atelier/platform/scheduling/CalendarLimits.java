package dev.atelier.platform.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The stretch of dates the calendar accepts (shifts, time off, closures, holidays): wide enough for any real salon,
 * narrow enough that every date and instant fits the database's types.
 */
public final class CalendarLimits {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);
    public static final String DESCRIPTION = "must be between " + EARLIEST + " and " + LATEST;

    private CalendarLimits() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())
                && instant.isBefore(LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
