package dev.atelier.platform.payments.gateway;

import dev.atelier.platform.money.Money;
import java.util.Objects;
import java.util.UUID;

/**
 * A refund of part or all of a paid order: our refund's id (also the provider's idempotency key), the order and the
 * provider's reference of its payment, and the amount.
 */
public record RefundRequest(UUID refundId, ProviderOrder order, String paymentReference, Money amount,
        String reason) {

    public RefundRequest {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a refund gives back more than 0");
        }
    }
}
