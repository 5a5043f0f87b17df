package dev.atelier.platform.booking;

import dev.atelier.platform.booking.model.Booking;
import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.BookingStatus;
import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.web.NotFoundException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What payments do to bookings, in the caller's transaction: a booking is locked before its money moves, waits for
 * its payment while the customer is on the provider's page, and is confirmed once paid — on time at once, late only
 * if its time is still free (the exclusion constraints decide), else it stays expired and the payment goes back.
 */
@Component
public class BookingPayments {

    /** What a payment did to its booking. */
    public enum Outcome {
        /** Paid in time (or late with its time still free): confirmed now. */
        CONFIRMED,
        /** It was confirmed (or further along) already: nothing changes. */
        ALREADY_CONFIRMED,
        /** It ended before the money came (cancelled, or its time given away meanwhile): the payment goes back. */
        ENDED
    }

    private final BookingRows rows;
    private final BookingMoves moves;
    private final StatusChanges changes;
    private final BookingReads reads;
    private final BookingJournal journal;

    BookingPayments(BookingRows rows, BookingMoves moves, StatusChanges changes, BookingReads reads,
            BookingJournal journal) {
        this.rows = rows;
        this.moves = moves;
        this.changes = changes;
        this.reads = reads;
        this.journal = journal;
    }

    /**
     * The booking, locked until the transaction ends (and {@code customerId}'s when that is given).
     *
     * @throws NotFoundException when there is none (or it is someone else's)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Booking lock(UUID bookingId, UUID customerId) {
        return rows.lock(bookingId, customerId);
    }

    /**
     * The locked booking waits for its payment until at least {@code holdUntil}: a hold becomes
     * {@code PENDING_PAYMENT}; one waiting already keeps its time a while longer (a second try, another method).
     *
     * @throws BookingRefusedException when it is not waiting for a payment, or its hold ran out
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void awaitPayment(Booking booking, Instant holdUntil, Instant now) {
        if (!booking.asksForPayment()) {
            throw new BookingRefusedException("Nothing of this booking is to be paid ahead.");
        }
        if (!booking.holdLastsAt(now)) {
            throw new BookingRefusedException(booking.status().keepsTimeUntilExpiry()
                    ? "This booking's time is no longer kept; book again."
                    : "This booking is " + booking.status().word() + "; it is not waiting for a payment.");
        }
        Instant until = holdUntil.isAfter(booking.holdExpiresAt()) ? holdUntil : booking.holdExpiresAt();
        if (booking.status() == BookingStatus.HELD) {
            changes.awaitPayment(booking, until, now);
        } else {
            rows.awaitPayment(booking.id(), until, now);
        }
        if (booking.status() == BookingStatus.HELD) {
            journal.record(booking.id(), "booking.payment-pending", reads.view(booking.id()),
                    BookingJournal.Actor.CUSTOMER, null, "booking.pay", now);
        }
    }

    /**
     * The booking was paid: confirmed if it waited for it (late, only when its time is still free); told so if it is
     * confirmed already; {@link Outcome#ENDED} if it was cancelled or completed without it.
     *
     * @throws SlotUnavailableException when it was paid late and its time was taken meanwhile (the transaction is
     *         spoilt: the caller refunds in another)
     * @throws BookingRefusedException when it was paid late and the rules no longer allow its time
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome paid(UUID bookingId, Instant now) {
        Booking booking = rows.lock(bookingId, null);
        return switch (booking.status()) {
            case HELD, PENDING_PAYMENT, EXPIRED -> {
                moves.confirmHold(booking, now);
                journal.record(bookingId, "booking.confirmed", reads.view(bookingId), BookingJournal.Actor.SYSTEM,
                        null, "booking.paid", now, Map.of("late", Boolean.toString(!booking.holdLastsAt(now))));
                yield Outcome.CONFIRMED;
            }
            case CONFIRMED, CHECKED_IN, COMPLETED, NO_SHOW -> Outcome.ALREADY_CONFIRMED;
            case CANCELLED -> Outcome.ENDED;
        };
    }

    /**
     * The customer's booking as the APIs show it.
     *
     * @throws NotFoundException when it is not theirs
     */
    @Transactional(readOnly = true)
    public BookingView viewOf(UUID customerId, UUID bookingId) {
        return reads.views(customerId, bookingId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("booking"));
    }

    /** A booking that ended: how, what it cost, and the cancellation fee recorded on it (zero if none). */
    public record Ended(BookingStatus status, Money price, Money cancellationFee) {
    }

    /** How the booking ended, locked; null while it has not (or it does not exist). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Ended ended(UUID bookingId) {
        Booking booking;
        try {
            booking = rows.lock(bookingId, null);
        } catch (NotFoundException gone) {
            return null;
        }
        if (booking.status() != BookingStatus.CANCELLED && booking.status() != BookingStatus.NO_SHOW
                && booking.status() != BookingStatus.COMPLETED) {
            return null;
        }
        return new Ended(booking.status(), booking.price(),
                rows.cancellationFee(bookingId, booking.price().currency()));
    }

    /** The booking as the APIs show it (money included). */
    @Transactional(readOnly = true)
    public BookingView view(UUID bookingId) {
        return reads.view(bookingId);
    }
}
