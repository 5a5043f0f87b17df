package dev.atelier.platform.payments;

import dev.atelier.platform.payments.model.Provider;

/**
 * A genuine notice naming an order our records do not have yet (a refund's notice before its payment's, which tells
 * us the provider's reference): answered so the provider delivers it again later, nothing changed meanwhile.
 */
public class OrderNotKnownYetException extends RuntimeException {

    public OrderNotKnownYetException(Provider provider, String orderKey) {
        super("no " + provider.id() + " order " + orderKey + " is known (yet)");
    }
}
