package dev.atelier.platform.scheduling;

import dev.atelier.platform.web.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * What is wrong with a stretch {@code start}–{@code end} of time off or a closure ({@code what}, for the message):
     * instants inside the limits, the end after the start and in the future, at most {@code longest} long.
     */
    public static List<FieldError> spanErrors(Instant start, Instant end, Duration longest, String what,
            Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (!contains(start)) {
            errors.add(new FieldError("start", DESCRIPTION));
        }
        if (!contains(end)) {
            errors.add(new FieldError("end", DESCRIPTION));
        } else if (!start.isBefore(end)) {
            errors.add(new FieldError("end", "must be after start"));
        } else if (Duration.between(start, end).compareTo(longest) > 0) {
            errors.add(new FieldError("end", what + " lasts at most " + longest.toDays() + " days"));
        } else if (!end.isAfter(now)) {
            errors.add(new FieldError("end", "must be in the future"));
        }
        return errors;
    }
}
