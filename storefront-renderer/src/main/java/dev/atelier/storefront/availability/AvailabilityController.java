package dev.atelier.storefront.availability;

import dev.atelier.platform.scheduling.AvailabilityQuery;
import dev.atelier.platform.scheduling.AvailabilitySearch;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/availability}: when a visit (one or more services, in order) can start at a location, with a
 * given stylist or anyone, on local dates {@code from}–{@code to} (at most 31). Public.
 */
@RestController
class AvailabilityController {

    private final AvailabilitySearch search;
    private final Clock clock;

    AvailabilityController(AvailabilitySearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    record AvailabilityView(String timezone, List<SlotView> slots) {
    }

    record SlotView(Instant start, Instant end, List<ItemView> items) {
    }

    record ItemView(String serviceId, String staffId, Instant start, Instant end) {
    }

    @GetMapping("/api/v1/availability")
    public AvailabilityView availability(@RequestParam UUID locationId,
            @RequestParam("serviceId") List<UUID> serviceIds,
            @RequestParam(required = false) UUID staffId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (serviceIds.contains(null)) {
            throw new InvalidRequestException(List.of(new FieldError("serviceId", "must be a service id, not empty")));
        }
        Instant now = clock.instant();
        AvailabilitySearch.Prepared prepared = search.prepare(
                new AvailabilityQuery(locationId, serviceIds, staffId, from, to), now);
        List<SlotView> slots = prepared.engine().slots(prepared.visit(), from, to, now).stream()
                .map(AvailabilityController::view)
                .toList();
        return new AvailabilityView(prepared.zone().getId(), slots);
    }

    private static SlotView view(AvailabilityEngine.Slot slot) {
        return new SlotView(slot.start(), slot.end(), slot.assignments().stream()
                .map(a -> new ItemView(a.serviceId().toString(), a.staffId().toString(), a.start(), a.end()))
                .toList());
    }
}
