package dev.atelier.platform.booking;

import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.scheduling.AvailabilitySearch.Rules;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.platform.web.ProblemType;
import dev.atelier.platform.web.UnprocessableException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

    private final BookingLedger ledger;
    private final BookingJournal journal;
    private final Clock clock;

    Bookings(BookingLedger ledger, BookingJournal journal, Clock clock) {
        this.ledger = ledger;
        this.journal = journal;
        this.clock = clock;
    }

    /** Books and confirms the visit at once (pay at the salon). */
    @Transactional
    public Created create(Customer customer, String idempotencyKey, BookingRequest request) {
        return make(customer, idempotencyKey, request, BookingLedger.Kind.ONLINE);
    }

    /**
     * Holds the visit's time during checkout: {@code HELD} until {@code holdExpiresAt} (the tenant's hold minutes),
     * then confirmed by {@link #confirm} or expired, freeing the time.
     */
    @Transactional
    public Created hold(Customer customer, String idempotencyKey, BookingRequest request) {
        return make(customer, idempotencyKey, request, BookingLedger.Kind.HOLD);
    }

    private Created make(Customer customer, String idempotencyKey, BookingRequest request, BookingLedger.Kind kind) {
        Instant now = clock.instant();
        String caller = customer.id().toString();
        Optional<BookingView> first = ledger.claim(caller, idempotencyKey,
                kind == BookingLedger.Kind.HOLD ? "HOLD|" + request.canonical() : request.canonical(), now);
        if (first.isPresent()) {
            return new Created(first.get(), true);
        }
        BookingView booking = ledger.place(new BookingLedger.Party(customer.id(), null), request, kind, now);
        ledger.answer(caller, idempotencyKey, booking);
        journal.record(UUID.fromString(booking.id()), kind == BookingLedger.Kind.HOLD
                ? "booking.held"
                : "booking.confirmed", booking, BookingJournal.Actor.CUSTOMER, customer.userId(),
                kind == BookingLedger.Kind.HOLD ? "booking.hold" : "booking.create", now);
        return new Created(booking, false);
    }

    /**
     * Confirms a held booking: at once while the hold lasts; after it ran out only if the time is still free (409
     * otherwise). Confirming a confirmed booking answers it again.
     */
    @Transactional
    public BookingView confirm(Customer customer, UUID bookingId) {
        Instant now = clock.instant();
        BookingLedger.Locked booking = ledger.lock(bookingId, customer.id());
        if (booking.status().equals("CONFIRMED")) {
            return ledger.view(bookingId);
        }
        if (!booking.status().equals("HELD") && !booking.status().equals("EXPIRED")) {
            throw refused(booking, "confirmed");
        }
        ledger.confirmHold(booking, now);
        BookingView view = ledger.view(bookingId);
        journal.record(bookingId, "booking.confirmed", view, BookingJournal.Actor.CUSTOMER, customer.userId(),
                "booking.confirm", now);
        return view;
    }

    /** The caller's bookings at this tenant, newest first. */
    @Transactional(readOnly = true)
    public List<BookingView> of(Customer customer) {
        return ledger.views(customer.id(), null);
    }

    /** One of the customer's bookings. */
    @Transactional(readOnly = true)
    public BookingView one(Customer customer, UUID bookingId) {
        return ledger.views(customer.id(), bookingId).stream().findFirst()
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
        BookingLedger.Locked booking = ledger.lock(bookingId, customer.id());
        if (booking.status().equals("CANCELLED")) {
            return ledger.view(bookingId);
        }
        if (!List.of("CONFIRMED", "HELD").contains(booking.status()) || !booking.start().isAfter(now)) {
            throw refused(booking, "cancelled online");
        }
        BigDecimal fee = ledger.lateFee(booking, ledger.policy(), now);
        ledger.cancel(booking, fee, now);
        BookingView view = ledger.view(bookingId);
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
        BookingLedger.Locked booking = ledger.lock(bookingId, customer.id());
        BookingLedger.Policy policy = ledger.policy();
        if (!booking.status().equals("CONFIRMED")
                || !now.isBefore(booking.start().minus(Duration.ofHours(policy.freeCancellationHours())))) {
            throw new UnprocessableException(ProblemType.BOOKING_RULES, "This booking can no longer be moved online "
                    + "(it is within " + policy.freeCancellationHours() + " hours of its start, or not confirmed).",
                    List.of());
        }
        if (start.equals(booking.start())) {
            return ledger.view(bookingId);
        }
        ledger.move(booking, start, null, Rules.ONLINE, now);
        BookingView view = ledger.view(bookingId);
        journal.record(bookingId, "booking.rescheduled", view, BookingJournal.Actor.CUSTOMER, customer.userId(),
                "booking.reschedule", now);
        return view;
    }

    private static UnprocessableException refused(BookingLedger.Locked booking, String what) {
        return new UnprocessableException(ProblemType.BOOKING_RULES, "This booking is "
                + booking.status().toLowerCase(Locale.ROOT) + "; it cannot be " + what + ".", List.of());
    }
}
