package dev.atelier.platform.payments.reports;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.PaymentStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One payment as the chain's payments list shows it: where and how it was paid, what it was for and what of it went
 * back, when it was asked for and when the money was taken (empty while it was not), and the provider's reference
 * of the money (never any credential).
 */
public record PaymentRow(UUID id, UUID bookingId, UUID locationId, String locationName, PaymentMethod method,
        Optional<String> tender, PaymentStatus status, Money amount, Money refunded, Instant createdAt,
        Optional<Instant> paidAt, Optional<String> providerReference) {

    public PaymentRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(refunded, "refunded");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!refunded.currency().equals(amount.currency())) {
            throw new IllegalArgumentException("a payment is refunded in its own currency");
        }
    }
}
