package dev.atelier.platform.booking;

import dev.atelier.platform.booking.model.Booking;
import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.BookingStatus;
import dev.atelier.platform.booking.model.CancellationPolicy;
import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.scheduling.AvailabilitySearch.Rules;
import dev.atelier.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's bookings at the current tenant. The time is checked by the same engine that lists availability, then
 * written with the stylists' and resources' busy stretches, which the schema's exclusion constraints keep from ever
 * overlapping an active one: whoever loses a race gets {@code 409 …/slot-unavailable}, never a double booking. Every
 * creation is idempotent per customer and {@code Idempotency-Key}; every change writes an outbox event and an audit
 * entry in the same transaction.
 */
@Service
public class Bookings {

    /** What a creation answered: 201 and the booking (the first time or replayed). */
    public record Created(BookingView booking, boolean replayed) {
    }

    private final IdempotencyKeys keys;
    private final BookingPlacement placement;
    private final BookingMoves moves;
    private final StatusChanges changes;
    private final BookingRows rows;
    private final BookingReads reads;
    private final BookingPolicyRepository policies;
    private final BookingJournal journal;
    private final Clock clock;

    Bookings(IdempotencyKeys keys, BookingPlacement placement, BookingMoves moves, StatusChanges changes,
            BookingRows rows, BookingReads reads, BookingPolicyRepository policies, BookingJournal journal,
            Clock clock) {
        this.keys = keys;
        this.placement = placement;
        this.moves = moves;
        this.changes = changes;
        this.rows = rows;
        this.reads = reads;
        this.policies = policies;
        this.journal = journal;
        this.clock = clock;
    }

    /** Books and confirms the visit at once (pay at the salon). */
    @Transactional
    public Created create(Customer customer, String idempotencyKey, BookingRequest request) {
        return make(customer, idempotencyKey, request, BookingPlacement.Kind.ONLINE);
    }

    /**
     * Holds the visit's time during checkout: {@code HELD} until {@code holdExpiresAt} (the tenant's hold minutes),
     * then confirmed by {@link #confirm} or expired, freeing the time.
     */
    @Transactional
    public Created hold(Customer customer, String idempotencyKey, BookingRequest request) {
        return make(customer, idempotencyKey, request, BookingPlacement.Kind.HOLD);
    }

    private Created make(Customer customer, String idempotencyKey, BookingRequest request,
            BookingPlacement.Kind kind) {
        Instant now = clock.instant();
        String caller = customer.id().toString();
        boolean hold = kind == BookingPlacement.Kind.HOLD;
        Optional<BookingView> first = keys.claim(caller, idempotencyKey,
                hold ? "HOLD|" + request.canonical() : request.canonical(), now);
        if (first.isPresent()) {
            return new Created(first.get(), true);
        }
        BookingView booking = placement.place(new BookingPlacement.Party(customer.id(), null), request, kind, now);
        keys.answer(caller, idempotencyKey, booking);
        String event = switch (BookingStatus.valueOf(booking.status())) {
            case HELD -> "booking.held";
            case PENDING_PAYMENT -> "booking.payment-pending";
            default -> "booking.confirmed";
        };
        journal.record(UUID.fromString(booking.id()), event, booking, BookingJournal.Actor.CUSTOMER,
                customer.userId(), hold ? "booking.hold" : "booking.create", now);
        return new Created(booking, false);
    }

    /**
     * Confirms a held booking: at once while the hold lasts; after it ran out only if the time is still free (409
     * otherwise). Confirming a confirmed booking answers it again.
     */
    @Transactional
    public BookingView confirm(Customer customer, UUID bookingId) {
        Instant now = clock.instant();
        Booking booking = rows.lock(bookingId, customer.id());
        if (booking.status() == BookingStatus.CONFIRMED) {
            return reads.view(bookingId);
        }
        if (booking.status() != BookingStatus.HELD && booking.status() != BookingStatus.EXPIRED) {
            throw refused(booking, "confirmed");
        }
        if (booking.asksForPayment()) {
            throw new BookingRefusedException("This booking is confirmed once its " + booking.deposit()
                    + " is paid (POST …/payments).");
        }
        moves.confirmHold(booking, now);
        BookingView view = reads.view(bookingId);
        journal.record(bookingId, "booking.confirmed", view, BookingJournal.Actor.CUSTOMER, customer.userId(),
                "booking.confirm", now);
        return view;
    }

    /** The caller's bookings at this tenant, newest first. */
    @Transactional(readOnly = true)
    public List<BookingView> of(Customer customer) {
        return reads.views(customer.id(), null);
    }

    /** One of the customer's bookings. */
    @Transactional(readOnly = true)
    public BookingView one(Customer customer, UUID bookingId) {
        return reads.views(customer.id(), bookingId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("booking"));
    }

    /**
     * The customer cancels their booking: free until the policy's cut-off before the start, a fee (a share of the
     * price) after it, recorded on the booking; its time is freed at once. Cancelling twice answers the cancelled
     * booking again; a booking already over or started cannot be cancelled online.
     */
    @Transactional
    public BookingView cancel(Customer customer, UUID bookingId) {
        Instant now = clock.instant();
        Booking booking = rows.lock(bookingId, customer.id());
        if (booking.status() == BookingStatus.CANCELLED) {
            return reads.view(bookingId);
        }
        if (!booking.customerMayCancelAt(now)) {
            throw refused(booking, "cancelled online");
        }
        changes.cancel(booking, booking.cancellationFeeAt(policies.require().cancellation(), now), now);
        BookingView view = reads.view(bookingId);
        journal.record(bookingId, "booking.cancelled", view, BookingJournal.Actor.CUSTOMER, customer.userId(),
                "booking.cancel", now);
        return view;
    }

    /**
     * The customer moves their booking to {@code start}, with the same services and stylists, atomically: either the
     * booking has the new time or it keeps the old one. Allowed until the free-cancellation cut-off.
     */
    @Transactional
    public BookingView reschedule(Customer customer, UUID bookingId, Instant start) {
        Instant now = clock.instant();
        Booking booking = rows.lock(bookingId, customer.id());
        CancellationPolicy policy = policies.require().cancellation();
        if (!booking.customerMayMoveAt(policy, now)) {
            throw new BookingRefusedException("This booking can no longer be moved online (it is within "
                    + policy.freeCancellationHours() + " hours of its start, or not confirmed).");
        }
        if (start.equals(booking.start())) {
            return reads.view(bookingId);
        }
        BookingMoves.Moved moved = moves.move(booking, start, null, Rules.ONLINE, now);
        BookingView view = reads.view(bookingId);
        journal.record(bookingId, "booking.rescheduled", view, BookingJournal.Actor.CUSTOMER, customer.userId(),
                "booking.reschedule", now, moved.details());
        return view;
    }

    private static BookingRefusedException refused(Booking booking, String what) {
        return new BookingRefusedException("This booking is " + booking.status().word() + "; it cannot be " + what
                + ".");
    }

}
