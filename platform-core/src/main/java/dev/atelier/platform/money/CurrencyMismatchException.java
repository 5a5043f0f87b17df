package dev.atelier.platform.money;

import java.util.Currency;

/** Two amounts in different currencies put together: money is never converted silently. */
public class CurrencyMismatchException extends InvalidAmountException {

    public CurrencyMismatchException(Currency one, Currency other) {
        super("amounts in " + one.getCurrencyCode() + " and " + other.getCurrencyCode() + " do not add up");
    }
}
