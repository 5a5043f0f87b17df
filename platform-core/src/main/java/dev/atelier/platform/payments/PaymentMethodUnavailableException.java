package dev.atelier.platform.payments;

import dev.atelier.platform.payments.model.PaymentMethod;

/** A method turned on without what it needs (its provider's credentials), or asked for while the chain is off it. */
public class PaymentMethodUnavailableException extends RuntimeException {

    private final PaymentMethod method;

    public PaymentMethodUnavailableException(PaymentMethod method, String message) {
        super(message);
        this.method = method;
    }

    public PaymentMethod method() {
        return method;
    }
}
