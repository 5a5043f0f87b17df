package dev.atelier.platform.payments.gateway;

import java.net.URI;
import java.util.Objects;

/** An order at a provider: its id there, and the hosted page (or QR code page) the customer pays on. */
public record ProviderOrder(String orderId, URI payPage) {

    public ProviderOrder {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("an order has its provider's id");
        }
        Objects.requireNonNull(payPage, "payPage");
    }
}
