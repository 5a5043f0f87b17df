package dev.atelier.platform.payments.gateway;

import dev.atelier.platform.money.Money;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * An order to open for one payment: our payment's id (the provider keeps it as its reference), the idempotency key
 * the provider is given, what is paid and for what, where the customer returns paid or not, and how they pay (a
 * desktop browser, a phone's, or WeChat's own).
 */
public record OrderRequest(UUID paymentId, String idempotencyKey, Money amount, String description, URI paidReturn,
        URI cancelledReturn, Channel channel) {

    public enum Channel {
        DESKTOP,
        PHONE,
        IN_WECHAT
    }

    public OrderRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paidReturn, "paidReturn");
        Objects.requireNonNull(cancelledReturn, "cancelledReturn");
        Objects.requireNonNull(channel, "channel");
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new IllegalArgumentException("an order needs an idempotency key of 1 to 255 characters");
        }
        if (amount.isZero()) {
            throw new IllegalArgumentException("an order is for more than 0");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("an order says what it is for");
        }
    }
}
