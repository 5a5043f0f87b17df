package dev.atelier.platform.booking;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A booking as the APIs show it. */
public record BookingView(String id, String status, String locationId, Instant start, Instant end,
        List<ItemView> items, PriceView price, String note, BigDecimal cancellationFee) {

    public record ItemView(String serviceId, String staffId, Instant start, Instant end, BigDecimal price) {
    }

    public record PriceView(BigDecimal amount, String currency) {
    }
}
