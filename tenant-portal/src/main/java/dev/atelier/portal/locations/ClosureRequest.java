package dev.atelier.portal.locations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A stretch the location is shut, as instants ({@code 2026-12-24T13:00:00Z}). */
record ClosureRequest(@NotNull Instant start, @NotNull Instant end, @Size(max = 200) String reason) {
}
