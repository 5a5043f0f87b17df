package dev.atelier.portal.schedules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A staff member's week at one location, replacing what they had there: shifts and breaks by day on the
 * location's wall clock ({@code "09:00"}–{@code "18:00"}; {@code "24:00"} is midnight at the end of the day),
 * valid from/until the given dates (inclusive, optional).
 */
record ScheduleRequest(@NotNull UUID locationId, @NotNull @Size(max = 70) List<@NotNull @Valid Span> weekly,
        @Size(max = 70) List<@NotNull @Valid Span> breaks, LocalDate validFrom, LocalDate validUntil) {

    record Span(@NotNull @Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY") String day,
            @NotNull @Pattern(regexp = WallClock.TIME, message = WallClock.TIME_MESSAGE) String start,
            @NotNull @Pattern(regexp = WallClock.TIME, message = WallClock.TIME_MESSAGE) String end) {

        int startMinute() {
            return WallClock.minutes(start);
        }

        int endMinute() {
            return WallClock.minutes(end);
        }
    }
}
