package dev.atelier.platform.booking;

import dev.atelier.platform.booking.model.Booking;
import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.scheduling.AvailabilitySearch.Rules;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.Assignment;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Gives a booking its time anew, in the caller's transaction: moved to another start (rescheduled), or taken back
 * after its hold ran out (confirmed late). Either it has that time or, on a refusal, the transaction keeps none of
 * the change; the same constraints refuse an overlap as on every path.
 */
@Component
class BookingMoves {

    private final VisitCheck visits;
    private final BookedTime time;
    private final BookingRows rows;
    private final StatusChanges changes;

    BookingMoves(VisitCheck visits, BookedTime time, BookingRows rows, StatusChanges changes) {
        this.visits = visits;
        this.time = time;
        this.rows = rows;
        this.changes = changes;
    }

    /**
     * Moves the locked booking to {@code start} under {@code rules}, with the same services and, unless
     * {@code staffIds} names others (one per item, null for "keep"), the same stylists; prices stay as agreed.
     *
     * @throws BookingRefusedException when the rules do not allow the new time
     * @throws SlotUnavailableException when it is taken
     */
    void move(Booking booking, Instant start, List<UUID> staffIds, Rules rules, Instant now) {
        List<BookingRows.Item> before = rows.items(booking.id());
        if (staffIds != null && staffIds.size() != before.size()) {
            throw new InvalidRequestException(List.of(new FieldError("items",
                    "name a stylist (or null) for each of the booking's " + before.size() + " services, in order")));
        }
        List<BookingRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            UUID staff = staffIds == null || staffIds.get(i) == null ? before.get(i).staffId() : staffIds.get(i);
            items.add(new BookingRequest.Item(before.get(i).serviceId(), staff));
        }
        time.lockPeople(Stream.concat(before.stream().map(BookingRows.Item::staffId),
                items.stream().map(BookingRequest.Item::staffId)).toList(), List.of());
        time.release(booking.id());
        VisitCheck.Checked checked = visits.check(new BookingRequest(booking.locationId(), start, items, null), rules,
                now);
        time.lockPeople(List.of(), Stream.concat(time.resourcesOf(booking.id()).stream(),
                checked.assigned(Assignment::resourceIds).stream()).toList());
        if (checked.prepared().lapsedHolds()) {
            changes.expireOverdueHolds(now);
        }
        try {
            time.deleteItems(booking.id());
            rows.retime(booking.id(), checked.slot().start(), checked.slot().end(), now);
            List<BigDecimal> prices = before.stream().map(BookingRows.Item::price).toList();
            time.write(booking.id(), checked.visit(), checked.slot(), prices);
        } catch (RuntimeException e) {
            throw BookedTime.takenOr(e);
        }
    }

    /**
     * Makes a held (or expired) booking confirmed. While the hold lasts its time is kept; after it ran out the visit
     * is checked again like a new booking (the rules as they are now: shifts, closures, time off, lead time) and
     * takes its time back only if it is still free (the constraints decide) — a late confirmation never double books
     * nor slips past the rules.
     *
     * @throws BookingRefusedException when its time has passed or the rules no longer allow it
     * @throws SlotUnavailableException when its time was taken meanwhile
     */
    void confirmHold(Booking booking, Instant now) {
        if (booking.hasStartedAt(now)) {
            throw new BookingRefusedException("This booking's time has passed; it cannot be confirmed.");
        }
        if (booking.holdLastsAt(now)) {
            changes.confirm(booking, now);
            return;
        }
        List<BookingRows.Item> items = rows.items(booking.id());
        time.lockPeople(items.stream().map(BookingRows.Item::staffId).toList(), time.resourcesOf(booking.id()));
        time.release(booking.id());
        changes.expireOverdueHolds(now, booking.id());
        visits.check(new BookingRequest(booking.locationId(), booking.start(),
                items.stream().map(item -> new BookingRequest.Item(item.serviceId(), item.staffId())).toList(), null),
                Rules.ONLINE, now);
        time.retake(booking.id());
        changes.confirm(booking, now);
    }
}
