package dev.atelier.platform.payments.gateway;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.PaymentFact;
import dev.atelier.platform.payments.model.Provider;
import java.util.Optional;

/**
 * One payment provider, through its official SDK: opens an order on its hosted page for a payment (with our
 * idempotency key, so a retried request makes one order), asks it where an order stands, closes an unpaid order,
 * refunds, and verifies its notices on their raw bytes. Implementations never trust a notice's body for whose order
 * it is: they report the provider's order and the fact, and the caller finds the order in its own records.
 */
public interface PaymentGateway {

    Provider provider();

    /** The platform's commission the provider keeps for it out of {@code captured} (nothing unless it does). */
    default Money commissionOn(Money captured) {
        return Money.zero(captured.currency());
    }

    /** Opens an order for {@code order} in the chain's name; the same idempotency key gives the same order. */
    ProviderOrder open(OrderRequest order, MerchantCredentials chain);

    /** What the provider says of the order now: paid, closed or failed; empty while it is still open. */
    Optional<PaymentFact> query(ProviderOrder order, MerchantCredentials chain);

    /** Closes an unpaid order so it can no longer be paid (its hold ran out); nothing when it is already closed. */
    void close(ProviderOrder order, MerchantCredentials chain);

    /** Gives back {@code refund}'s amount of the order's payment; the same refund id refunds once. */
    PaymentFact.Refunded refund(RefundRequest refund, MerchantCredentials chain);

    /**
     * Verifies a notice on its raw body and headers, with the keys of the chain {@code keys} find for it (our own
     * records); what it says. Refused (never partly believed) when its signature does not hold, no chain of ours
     * answers for it, it is stale, or it is malformed.
     */
    Notice verify(RawNotice notice, MerchantKeys keys);
}
