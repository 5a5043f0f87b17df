package dev.atelier.platform.payments.reports;

import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The salon a report is about, as a request's {@code locationId} names it: none (every salon) when absent. */
public final class ReportLocation {

    private ReportLocation() {
    }

    /**
     * The location {@code locationId} names, in a UUID's canonical form (any case), or empty when it is absent or
     * blank.
     *
     * @throws InvalidRequestException naming {@code locationId} when it is anything else
     */
    public static Optional<UUID> parse(String locationId) {
        if (locationId == null || locationId.isBlank()) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(locationId.strip());
            if (id.toString().equalsIgnoreCase(locationId.strip())) {
                return Optional.of(id);
            }
        } catch (IllegalArgumentException notAnId) {
            // refused below
        }
        throw new InvalidRequestException(List.of(new FieldError("locationId", "must be an id (a UUID)")));
    }
}
