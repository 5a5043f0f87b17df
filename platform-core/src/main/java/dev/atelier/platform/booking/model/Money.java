package dev.atelier.platform.booking.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount a booking costs or owes, never below zero, in whole minor units of its currency. Atelier keeps every
 * amount to two decimals whatever the currency (the price columns are {@code numeric(12, 2)}, prices are checked to
 * at most 2 decimals), so a minor unit here is a hundredth: 12.34 EUR is 1234, 3000.00 JPY is 300000.
 */
public record Money(long minorUnits, Currency currency) {

    /** Decimals of every amount. */
    public static final int SCALE = 2;

    private static final long WHOLE = 100;

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minorUnits < 0) {
            throw new IllegalArgumentException("an amount is at least 0: " + minorUnits);
        }
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** {@code amount} (at least 0, at most 2 decimals) of {@code currency}. */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("an amount has at most " + SCALE + " decimals: " + amount);
        }
        return new Money(amount.movePointRight(SCALE).longValueExact(), currency);
    }

    /** The amount with its two decimals, as the columns store it. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, SCALE);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /** {@code percent} (0 to 100) of this amount, rounded half up to the minor unit. */
    public Money percent(int percent) {
        if (percent < 0 || percent > WHOLE) {
            throw new IllegalArgumentException("a percentage is 0 to 100: " + percent);
        }
        return new Money((Math.multiplyExact(minorUnits, percent) + WHOLE / 2) / WHOLE, currency);
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("amounts in " + currency + " and " + other.currency + " do not add up");
        }
    }

    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency.getCurrencyCode();
    }
}
