package dev.atelier.platform.payments.model;

import dev.atelier.platform.money.Money;
import java.util.Objects;

/**
 * What becomes of the money held for a booking when it ends without a visit: how much goes back to the customer and
 * how much the chain keeps. A customer cancelling keeps all of it but the policy's fee (none before the
 * free-cancellation cut-off); a cancellation by the salon gives everything back; a no-show forfeits the deposit.
 */
public record WhenABookingEnds(Money refund, Money kept) {

    public WhenABookingEnds {
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(kept, "kept");
    }

    /** The customer cancelled; {@code fee} is what the cancellation policy charges at this moment. */
    public static WhenABookingEnds cancelledByCustomer(Money held, Money fee) {
        Money kept = fee.min(held);
        return new WhenABookingEnds(held.minus(kept), kept);
    }

    /** The salon cancelled: the customer gets back everything they paid. */
    public static WhenABookingEnds cancelledBySalon(Money held) {
        return new WhenABookingEnds(held, Money.zero(held.currency()));
    }

    /** The customer did not come: what they paid in advance is kept. */
    public static WhenABookingEnds noShow(Money held) {
        return new WhenABookingEnds(Money.zero(held.currency()), held);
    }
}
