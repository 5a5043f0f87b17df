package dev.atelier.platform.notifications.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hours of the customer's own day in which nothing that can wait reaches them: from {@code from} until
 * {@code to} by their clock in {@code zone}, across midnight when {@code to} comes first (22:00–08:00). Whole
 * minutes; an empty window (the same time twice) is refused.
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    public QuietHours {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        if (from.getSecond() != 0 || from.getNano() != 0 || to.getSecond() != 0 || to.getNano() != 0) {
            throw new IllegalArgumentException("quiet hours are whole minutes");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("quiet hours must end at another time than they start");
        }
    }

    /** Whether {@code at} falls in them. */
    public boolean contain(Instant at) {
        return endOfSpanAround(at).isPresent();
    }

    /** The first instant after {@code at} at which they are over ({@code at} itself when it is not in them). */
    public Instant endAfter(Instant at) {
        return endOfSpanAround(at).orElse(at);
    }

    /**
     * The end of the quiet span {@code at} is in, if it is in one. A span starts when the customer's clock first shows
     * {@code from} and lasts until it next shows {@code to}: the hour the clocks repeat in autumn stays quiet, and a
     * time they skip in spring is reached when they jump past it.
     */
    private Optional<Instant> endOfSpanAround(Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            Instant start = instantOf(day, from);
            Instant end = instantOf(from.isBefore(to) ? day : day.plusDays(1), to);
            if (!at.isBefore(start) && at.isBefore(end)) {
                return Optional.of(end);
            }
        }
        return Optional.empty();
    }

    /** When the customer's clock first shows {@code time} on {@code day}: as the clocks jump, if they skip it. */
    private Instant instantOf(LocalDate day, LocalTime time) {
        LocalDateTime local = day.atTime(time);
        ZoneOffsetTransition skipped = zone.getRules().getTransition(local);
        return skipped != null && skipped.isGap()
                ? skipped.getInstant()
                : ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }
}
