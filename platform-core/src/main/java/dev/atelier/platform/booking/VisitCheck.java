package dev.atelier.platform.booking;

import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.scheduling.AvailabilitySearch;
import dev.atelier.platform.scheduling.AvailabilitySearch.Rules;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.Assignment;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.VisitItem;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Whether a visit fits at its start, asked of the same engine that lists availability. */
@Component
class VisitCheck {

    /** A visit the engine accepted at the requested start. */
    record Checked(AvailabilitySearch.Prepared prepared, List<VisitItem> visit, AvailabilityEngine.Slot slot) {

        /** The people the accepted slot assigns, as {@code people} names them per item. */
        List<UUID> assigned(Function<Assignment, List<UUID>> people) {
            return slot.assignments().stream().flatMap(a -> people.apply(a).stream()).toList();
        }
    }

    private final AvailabilitySearch search;

    VisitCheck(AvailabilitySearch search) {
        this.search = search;
    }

    /**
     * Whether {@code request} fits at its start under {@code rules}.
     *
     * @throws SlotUnavailableException if only taken time stands in the way
     * @throws BookingRefusedException if the rules themselves refuse it (asked once more, without taken time, only on
     *         a refusal)
     */
    /**
     * A century either way: far beyond any horizon a chain may set (730 days), and within the dates the calendar can
     * reckon with; a start past it is refused before anything is read.
     */
    private static final java.time.Duration OUTERMOST = java.time.Duration.ofDays(36_525);

    Checked check(BookingRequest request, Rules rules, Instant now) {
        if (request.start().isAfter(now.plus(OUTERMOST)) || request.start().isBefore(now.minus(OUTERMOST))) {
            // no chain's horizon reaches that far (and the calendar's dates would not)
            throw new BookingRefusedException("That time is outside any booking horizon.");
        }
        List<UUID> services = request.items().stream().map(BookingRequest.Item::serviceId).toList();
        AvailabilitySearch.Prepared prepared = search.prepareAt(request.locationId(), services, request.start(), now,
                true, rules);
        List<VisitItem> visit = visit(prepared, request);
        Optional<AvailabilityEngine.Slot> slot = prepared.engine().check(visit, request.start(), now);
        if (slot.isPresent()) {
            return new Checked(prepared, visit, slot.get());
        }
        AvailabilitySearch.Prepared rulesOnly = search.prepareAt(request.locationId(), services, request.start(), now,
                false, rules);
        if (rulesOnly.engine().check(visit(rulesOnly, request), request.start(), now).isEmpty()) {
            throw new BookingRefusedException("That time cannot be booked: it is outside the opening hours or the "
                    + "stylists' shifts, sooner than the lead time, beyond the horizon, or not on the slot grid.",
                    "start", "not bookable");
        }
        throw new SlotUnavailableException("That time is no longer free.");
    }

    /** The visit for the engine, each item with its chosen stylist, who must perform the service. */
    private static List<VisitItem> visit(AvailabilitySearch.Prepared prepared, BookingRequest request) {
        List<VisitItem> visit = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            BookingRequest.Item item = request.items().get(i);
            VisitItem engineItem = prepared.visit().get(i);
            if (item.staffId() != null
                    && !prepared.services().get(item.serviceId()).performers().contains(item.staffId())) {
                errors.add(new FieldError("items[" + i + "].staffId", "this stylist does not perform the service"));
            }
            visit.add(new VisitItem(engineItem.service(), item.staffId()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return visit;
    }
}
