package dev.atelier.platform.payments;

import dev.atelier.platform.booking.BookingEnded;
import dev.atelier.platform.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears that a booking ended once its transaction committed, and settles its money by its end
 * ({@link Payments#bookingEnded}). Should the app stop in between, or the provider not answer, {@link PaymentSweeps}
 * finds the booking again (money still held for an ended booking).
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
}
