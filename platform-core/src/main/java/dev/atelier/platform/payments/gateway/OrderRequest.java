package dev.atelier.platform.payments.gateway;

import dev.atelier.platform.money.Money;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;

/**
 * An order to open for one payment: our payment's id (the provider keeps it as its reference), the idempotency key
 * the provider is given, what is paid and for what, where the customer returns paid or not, how they pay (a
 * desktop browser, a phone's, or WeChat's own), and, inside WeChat, the payer's openid for the chain's app when it
 * is known ({@code wechatOpenId}, else null).
 */
public record OrderRequest(UUID paymentId, String idempotencyKey, Money amount, String description, URI paidReturn,
        URI cancelledReturn, Channel channel, String wechatOpenId) {

    /** An order from a payer not known by openid. */
    public OrderRequest(UUID paymentId, String idempotencyKey, Money amount, String description, URI paidReturn,
            URI cancelledReturn, Channel channel) {
        this(paymentId, idempotencyKey, amount, description, paidReturn, cancelledReturn, channel, null);
    }

    /** What WeChat's openids look like (28 characters for an official account; room for others). */
    public static final java.util.regex.Pattern OPEN_ID = java.util.regex.Pattern.compile("[0-9A-Za-z_-]{16,64}");

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
        if (wechatOpenId != null && (channel != Channel.IN_WECHAT || !OPEN_ID.matcher(wechatOpenId).matches())) {
            throw new IllegalArgumentException("an openid is given only inside WeChat, as WeChat writes one");
        }
    }
}
