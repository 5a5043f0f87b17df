package dev.atelier.platform.booking;

import dev.atelier.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A booking as the APIs show it; {@code holdExpiresAt} is set while it is {@code HELD} (checkout) or
 * {@code PENDING_PAYMENT}, {@code cancellationFee} once it is cancelled, and {@code payment} says what is to be paid
 * ahead and what was paid and refunded. {@code status} is a {@link dev.atelier.platform.booking.model.BookingStatus}
 * name, kept as text: it is also the stored answer replayed for an {@code Idempotency-Key}, and the storefront's
 * pages compare it as text.
 */
public record BookingView(String id, String status, String locationId, Instant start, Instant end,
        List<ItemView> items, PriceView price, String note, BigDecimal cancellationFee, Instant holdExpiresAt,
        PaymentView payment) {

    public record ItemView(String serviceId, String staffId, Instant start, Instant end, BigDecimal price) {
    }

    public record PriceView(BigDecimal amount, String currency) {

        static PriceView of(Money money) {
            return new PriceView(money.amount(), money.currency().getCurrencyCode());
        }
    }

    /**
     * Money of the booking paid ahead: {@code NOT_REQUIRED} (all at the salon), {@code DUE} (its deposit not paid
     * yet), {@code PAID}, {@code PARTIALLY_REFUNDED} or {@code REFUNDED}; {@code due} is the deposit asked,
     * {@code paid} what was taken online, {@code refunded} what went back, as the journal says.
     */
    public record PaymentView(String status, PriceView due, PriceView paid, PriceView refunded) {

        static PaymentView of(Money due, Money paid, Money refunded) {
            String status;
            if (paid.isZero()) {
                status = due.isZero() ? "NOT_REQUIRED" : "DUE";
            } else if (refunded.isZero()) {
                status = "PAID";
            } else {
                status = refunded.compareTo(paid) >= 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
            }
            return new PaymentView(status, PriceView.of(due), PriceView.of(paid), PriceView.of(refunded));
        }
    }
}
