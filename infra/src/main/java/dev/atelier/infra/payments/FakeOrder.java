package dev.atelier.infra.payments;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One order at a fake provider: whose it is (the merchant's account, app or merchant id), what it is for, where the
 * provider notifies and where the customer goes back to, and where it stands (open, paid, closed) with its refunds.
 *
 * @param provider {@code stripe}, {@code alipay} or {@code wechatpay}
 * @param id the order's id at the provider's API: a Checkout session id, an {@code out_trade_no}
 * @param amount in the currency's minor units
 * @param paidReturn where the customer goes once paid
 * @param otherReturn where the customer goes when they cancel or the payment fails; none: back to the paid return
 *     (whose page asks the provider where the order stands), or to this page when there is neither
 * @param tradeNo the provider's reference of the payment once paid (a payment intent, a trade number)
 * @param idempotencyKey the key the order was opened with (Stripe), so the same key gives the same order
 * @param declined how many times the tester pressed Fail
 * @param createdAt epoch seconds
 * @param paidAt epoch seconds, 0 while unpaid
 */
public record FakeOrder(String provider, String id, String merchant, long amount, String currency,
        String description, String notifyUrl, String paidReturn, String otherReturn, State state, String tradeNo,
        String idempotencyKey, List<Refund> refunds, Map<String, String> extra, int declined, long createdAt,
        long paidAt) {

    /** Where an order stands. */
    public enum State {
        OPEN,
        PAID,
        CLOSED
    }

    /** A refund of part of the order, by the merchant's refund id; {@code amount} in minor units. */
    public record Refund(String id, String providerId, long amount, long at) {
    }

    public FakeOrder {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        if (amount <= 0) {
            throw new IllegalArgumentException("an order is for more than 0");
        }
    }

    /** A new open order. */
    static FakeOrder open(String provider, String id, String merchant, long amount, String currency,
            String description, String notifyUrl, String paidReturn, String otherReturn, String idempotencyKey,
            Map<String, String> extra, long now) {
        return new FakeOrder(provider, id, merchant, amount, currency, description, notifyUrl, paidReturn,
                otherReturn, State.OPEN, null, idempotencyKey, List.of(), extra, 0, now, 0);
    }

    FakeOrder paid(String reference, long now) {
        return new FakeOrder(provider, id, merchant, amount, currency, description, notifyUrl, paidReturn,
                otherReturn, State.PAID, reference, idempotencyKey, refunds, extra, declined, createdAt, now);
    }

    FakeOrder declinedOnce() {
        return new FakeOrder(provider, id, merchant, amount, currency, description, notifyUrl, paidReturn,
                otherReturn, state, tradeNo, idempotencyKey, refunds, extra, declined + 1, createdAt, paidAt);
    }

    FakeOrder closed() {
        return new FakeOrder(provider, id, merchant, amount, currency, description, notifyUrl, paidReturn,
                otherReturn, State.CLOSED, tradeNo, idempotencyKey, refunds, extra, declined, createdAt, paidAt);
    }

    FakeOrder returningTo(String paidReturn, String otherReturn) {
        return new FakeOrder(provider, id, merchant, amount, currency, description, notifyUrl, paidReturn,
                otherReturn, state, tradeNo, idempotencyKey, refunds, extra, declined, createdAt, paidAt);
    }

    FakeOrder refunded(Refund refund) {
        List<Refund> more = new ArrayList<>(refunds);
        more.add(refund);
        return new FakeOrder(provider, id, merchant, amount, currency, description, notifyUrl, paidReturn,
                otherReturn, state, tradeNo, idempotencyKey, more, extra, declined, createdAt, paidAt);
    }

    /** What has been refunded so far, in minor units. */
    long refundedTotal() {
        return refunds.stream().mapToLong(Refund::amount).sum();
    }

    java.util.Optional<Refund> refund(String refundId) {
        return refunds.stream().filter(refund -> refund.id().equals(refundId)).findFirst();
    }

    /** The amount as a decimal in its currency ({@code 199.00}). */
    String decimal() {
        return decimal(amount);
    }

    String decimal(long minorUnits) {
        return BigDecimal.valueOf(minorUnits, Currency.getInstance(currency).getDefaultFractionDigits())
                .toPlainString();
    }
}
