package dev.atelier.platform.scheduling.availability;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The inputs of the availability engine: plain values, loaded by the caller in a bounded number of queries. */
public final class Calendars {

    private Calendars() {
    }

    /** A span on one date only: a one-off extra shift. */
    public record DatedSpan(LocalDate date, DailySpan span) {
    }

    /**
     * A location's hours: weekly opening hours in its zone, whole days closed (holidays), and closures as instants
     * (a refurbishment, a power cut).
     */
    public record Location(ZoneId zone, List<WeeklySpan> openingHours, Set<LocalDate> holidays,
            List<Interval> closures) {
        public Location {
            Objects.requireNonNull(zone, "zone");
            openingHours = List.copyOf(openingHours);
            holidays = Set.copyOf(holidays);
            closures = List.copyOf(closures);
        }
    }

    /**
     * A stylist at one location: weekly shifts, one-off extra shifts, weekly breaks, time off, and what is already
     * taken (bookings and unexpired holds, each with its buffers).
     */
    public record Staff(UUID id, List<WeeklySpan> shifts, List<DatedSpan> extraShifts, List<WeeklySpan> breaks,
            List<Interval> timeOff, List<Interval> taken) {
        public Staff {
            Objects.requireNonNull(id, "id");
            shifts = List.copyOf(shifts);
            extraShifts = List.copyOf(extraShifts);
            breaks = List.copyOf(breaks);
            timeOff = List.copyOf(timeOff);
            taken = List.copyOf(taken);
        }
    }

    /** A chair, room or bed of a given type, with what is already taken of it. */
    public record Resource(UUID id, String type, List<Interval> taken) {
        public Resource {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            taken = List.copyOf(taken);
        }
    }

    /**
     * A service as the engine needs it. During {@code processingLength} starting {@code processingOffset} after the
     * start (colour developing) the stylist is free for someone else; buffers before and after keep the stylist (and
     * the resources) busy around the client's time. {@code performers} are the staff who do it, each with their own
     * duration if they have one ({@code durationOverrides}).
     */
    public record Service(UUID id, Duration duration, Duration bufferBefore, Duration bufferAfter,
            Duration processingOffset, Duration processingLength, Set<String> resourceTypes, List<UUID> performers,
            Map<UUID, Duration> durationOverrides) {
        public Service {
            Objects.requireNonNull(id, "id");
            requirePositive(duration, "duration");
            requireNotNegative(bufferBefore, "bufferBefore");
            requireNotNegative(bufferAfter, "bufferAfter");
            requireNotNegative(processingOffset, "processingOffset");
            requireNotNegative(processingLength, "processingLength");
            resourceTypes = Set.copyOf(resourceTypes);
            performers = List.copyOf(performers);
            durationOverrides = Map.copyOf(durationOverrides);
            durationOverrides.values().forEach(d -> requirePositive(d, "durationOverride"));
        }

        public Duration durationFor(UUID staff) {
            return durationOverrides.getOrDefault(staff, duration);
        }
    }

    /** Slot step, how soon a slot may start, how far ahead slots are offered. */
    public record Policy(Duration step, Duration leadTime, Duration horizon) {
        public static final Policy DEFAULT = new Policy(Duration.ofMinutes(15), Duration.ofHours(2),
                Duration.ofDays(180));

        public Policy {
            requirePositive(step, "step");
            requireNotNegative(leadTime, "leadTime");
            requirePositive(horizon, "horizon");
            if (step.toSeconds() % 60 != 0 || step.toMinutes() > DailySpan.DAY) {
                throw new IllegalArgumentException("the slot step is whole minutes, at most a day");
            }
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
