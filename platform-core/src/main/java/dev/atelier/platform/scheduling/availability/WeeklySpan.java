package dev.atelier.platform.scheduling.availability;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A span that repeats every week on {@code day}, from {@code validFrom} to {@code validUntil} (inclusive; either may
 * be null for open-ended): opening hours, a stylist's weekly shift or break.
 */
public record WeeklySpan(DayOfWeek day, DailySpan span, LocalDate validFrom, LocalDate validUntil) {

    public WeeklySpan {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(span, "span");
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid until " + validUntil + " is before valid from " + validFrom);
        }
    }

    public static WeeklySpan every(DayOfWeek day, String start, String end) {
        return new WeeklySpan(day, DailySpan.of(start, end), null, null);
    }

    public boolean appliesOn(LocalDate date) {
        return date.getDayOfWeek() == day && (validFrom == null || !date.isBefore(validFrom))
                && (validUntil == null || !date.isAfter(validUntil));
    }
}
