package dev.atelier.platform.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A booking as the APIs show it; {@code holdExpiresAt} is set while it is {@code HELD} (checkout), and
 * {@code cancellationFee} once it is cancelled. {@code status} is a {@link dev.atelier.platform.booking.model.BookingStatus}
 * name, kept as text: it is also the stored answer replayed for an {@code Idempotency-Key}, and the storefront's pages
 * compare it as text.
 */
public record BookingView(String id, String status, String locationId, Instant start, Instant end,
        List<ItemView> items, PriceView price, String note, BigDecimal cancellationFee, Instant holdExpiresAt) {

    public record ItemView(String serviceId, String staffId, Instant start, Instant end, BigDecimal price) {
    }

    public record PriceView(BigDecimal amount, String currency) {
    }
}
