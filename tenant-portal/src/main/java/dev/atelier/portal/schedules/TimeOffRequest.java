package dev.atelier.portal.schedules;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Time away, as instants ({@code 2026-12-24T00:00:00Z}). */
record TimeOffRequest(@NotNull Instant start, @NotNull Instant end, @Size(max = 200) String reason) {
}
