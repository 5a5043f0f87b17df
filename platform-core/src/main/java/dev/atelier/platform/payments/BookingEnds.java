package dev.atelier.platform.payments;

import dev.atelier.platform.booking.BookingEnded;
import dev.atelier.platform.booking.BookingRepriced;
import dev.atelier.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears that a booking ended once its transaction committed, and settles its money by its end
 * ({@link Payments#bookingEnded}); hears that a moved booking's total changed, and gives back what was paid ahead above
 * it ({@link Payments#bookingRepriced}). Should the app stop in between, or the provider not answer,
 * {@link PaymentSweeps} finds the booking again (money still held for an ended booking, or above a live one's deposit).
 */
@Component
class BookingEnds {

    private static final Logger log = LoggerFactory.getLogger(BookingEnds.class);

    private final Payments payments;

    BookingEnds(Payments payments) {
        this.payments = payments;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void ended(BookingEnded ended) {
        try {
            TenantContext.asTenant(ended.tenant(), () -> payments.bookingEnded(ended.bookingId()));
        } catch (RuntimeException e) {
            log.warn("settling the money of ended booking {} failed; the payment sweep tries again",
                    ended.bookingId(), e);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void repriced(BookingRepriced repriced) {
        try {
            TenantContext.asTenant(repriced.tenant(), () -> payments.bookingRepriced(repriced.bookingId()));
        } catch (RuntimeException e) {
            log.warn("refunding the price difference of moved booking {} failed; the payment sweep tries again",
                    repriced.bookingId(), e);
        }
    }
}
