package dev.atelier.platform.scheduling;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A question for the availability search: services in order (a visit), at a location, by a given stylist or anyone,
 * starting on the local dates {@code from} to {@code to} (inclusive) at the location.
 */
public record AvailabilityQuery(UUID locationId, List<UUID> serviceIds, UUID staffId, LocalDate from, LocalDate to) {

    /** The most days one question may span. */
    public static final int MAX_DAYS = 31;
    /** The most services one visit may have. */
    public static final int MAX_SERVICES = 5;

    public AvailabilityQuery {
        Objects.requireNonNull(locationId, "locationId");
        serviceIds = List.copyOf(serviceIds);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
