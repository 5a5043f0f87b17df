package dev.atelier.platform.scheduling.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * A stretch of a day on the wall clock, {@code [start, end)} in minutes after midnight ({@code end} may be 1440:
 * midnight at the end of the day).
 * <p>
 * On a given date and zone it covers the instants from the first moment the clock shows {@code start} to the first
 * moment it shows {@code end}. So across a DST change: a time skipped by the clock (spring forward) counts as the
 * moment of the jump, and a time the clock shows twice (fall back) counts at its first showing: a shift "01:00–03:00"
 * on a fall-back night is three real hours, and "02:00–03:00" on a spring-forward night is none.
 */
public record DailySpan(int startMinute, int endMinute) {

    public static final int DAY = 24 * 60;

    public DailySpan {
        if (startMinute < 0 || endMinute > DAY || startMinute >= endMinute) {
            throw new IllegalArgumentException("a daily span is 00:00 ≤ start < end ≤ 24:00, got " + startMinute
                    + ".." + endMinute + " minutes");
        }
    }

    /** {@code of("09:00", "20:00")}; {@code "24:00"} is the end of the day. */
    public static DailySpan of(String start, String end) {
        return new DailySpan(minutes(start), minutes(end));
    }

    /** The instants this span covers on {@code date} in {@code zone}; empty when the clock skips all of it. */
    public Optional<Interval> on(LocalDate date, ZoneId zone) {
        Instant from = firstShowing(date, startMinute, zone);
        Instant to = firstShowing(date, endMinute, zone);
        return to.isAfter(from) ? Optional.of(new Interval(from, to)) : Optional.empty();
    }

    /** The first instant at which the clock in {@code zone} shows {@code minute} on {@code date}, or later. */
    static Instant firstShowing(LocalDate date, int minute, ZoneId zone) {
        LocalDateTime local = date.atStartOfDay().plusMinutes(minute);
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private static int minutes(String hhmm) {
        String[] parts = hhmm.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a time of day is HH:MM, got " + hhmm);
        }
        int hours = Integer.parseInt(parts[0]);
        int minutes = Integer.parseInt(parts[1]);
        if (hours < 0 || hours > 24 || minutes < 0 || minutes > 59 || (hours == 24 && minutes != 0)) {
            throw new IllegalArgumentException("not a time of day: " + hhmm);
        }
        return hours * 60 + minutes;
    }
}
