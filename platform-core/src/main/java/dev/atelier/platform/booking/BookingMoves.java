package dev.atelier.platform.booking;

import dev.atelier.platform.booking.model.Booking;
import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.scheduling.AvailabilitySearch.Rules;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.Assignment;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
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

    private final ApplicationEventPublisher events;

    BookingMoves(VisitCheck visits, BookedTime time, BookingRows rows, StatusChanges changes,
            ApplicationEventPublisher events) {
        this.visits = visits;
        this.time = time;
        this.rows = rows;
        this.changes = changes;
        this.events = events;
    }

    /**
     * Moves the locked booking to {@code start} under {@code rules}, with the same services and, unless
     * {@code staffIds} names others (one per item, null for "keep"), the same stylists. A service kept by its stylist
     * keeps the price agreed; one given to another stylist takes that stylist's price. When the total changes, what
     * is asked ahead becomes at most the new total, and {@link BookingRepriced} tells payments to give back what was
     * paid ahead above it (a dearer visit leaves the difference to pay at the salon).
     *
     * @return the booking's total before and after the move
     * @throws BookingRefusedException when the rules do not allow the new time
     * @throws SlotUnavailableException when it is taken
     */
    Moved move(Booking booking, Instant start, List<UUID> staffIds, Rules rules, Instant now) {
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
            List<BigDecimal> prices = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                UUID staff = checked.slot().assignments().get(i).staffId();
                prices.add(staff.equals(before.get(i).staffId())
                        ? before.get(i).price()
                        : checked.prepared().services().get(before.get(i).serviceId()).priceBy(staff));
            }
            time.write(booking.id(), checked.visit(), checked.slot(), prices);
            Money total = Money.of(prices.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                    booking.price().currency());
            if (!total.equals(booking.price())) {
                rows.reprice(booking.id(), total, booking.deposit().min(total), now);
                events.publishEvent(new BookingRepriced(TenantContext.require(), booking.id(), booking.price(),
                        total));
            }
            return new Moved(booking.price(), total);
        } catch (RuntimeException e) {
            throw BookedTime.takenOr(e);
        }
    }

    /** A booking's total before and after it moved. */
    record Moved(Money before, Money after) {

        boolean repriced() {
            return !before.equals(after);
        }

        /** What the journal keeps of the move besides the booking as it is now. */
        Map<String, String> details() {
            return repriced()
                    ? Map.of("priceBefore", before.amount().toPlainString(), "priceAfter",
                            after.amount().toPlainString())
                    : Map.of();
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
