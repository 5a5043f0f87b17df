package dev.atelier.portal.schedules;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.UUID;

/** A one-off working stretch on {@code date} at a location, on its wall clock ({@code "10:00"}–{@code "16:00"}). */
record ExtraShiftRequest(@NotNull UUID locationId, @NotNull LocalDate date,
        @NotNull @Pattern(regexp = WallClock.TIME, message = WallClock.TIME_MESSAGE) String start,
        @NotNull @Pattern(regexp = WallClock.TIME, message = WallClock.TIME_MESSAGE) String end) {
}
