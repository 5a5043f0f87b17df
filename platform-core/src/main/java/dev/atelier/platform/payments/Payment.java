package dev.atelier.platform.payments;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.gateway.OrderRequest;
import dev.atelier.platform.payments.gateway.ProviderOrder;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.payments.model.PaymentStatus;
import dev.atelier.platform.payments.model.Provider;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One payment of a booking as the chain keeps it: how it is paid, how much, where it stands (as its facts say), and
 * for an online one, its order at the provider once opened and the provider's reference of the money once taken.
 */
public record Payment(UUID id, UUID bookingId, PaymentMethod method, Optional<Provider> provider,
        OrderRequest.Channel channel, Money amount, PaymentStatus status, String idempotencyKey,
        Optional<ProviderOrder> order, Optional<String> providerReference, Instant createdAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(providerReference, "providerReference");
    }

    /** The page the customer pays on, once the order is open. */
    public Optional<URI> payPage() {
        return order.map(ProviderOrder::payPage);
    }

    /** The idempotency key the provider is given for this payment's order: the same for every retry. */
    public String providerIdempotencyKey() {
        return "atelier-payment-" + id;
    }

    /** The order key our own records route this payment's notices by before the provider names its order. */
    public String ownOrderKey() {
        return id.toString().replace("-", "");
    }
}
