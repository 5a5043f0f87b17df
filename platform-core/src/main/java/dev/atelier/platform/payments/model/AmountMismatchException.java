package dev.atelier.platform.payments.model;

import dev.atelier.platform.money.Money;

/** A provider reported a payment of another amount (or currency) than the order asked for: never accepted. */
public class AmountMismatchException extends RuntimeException {

    public AmountMismatchException(Money expected, Money reported) {
        super("the order is for " + expected + ", the notice says " + reported);
    }
}
