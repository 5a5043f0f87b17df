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
            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00") String start,
            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00") String end) {

        int startMinute() {
            return minutes(start);
        }

        int endMinute() {
            return minutes(end);
        }

        private static int minutes(String hhmm) {
            return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
        }
    }
}
