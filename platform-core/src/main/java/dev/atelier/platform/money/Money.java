package dev.atelier.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money, never below zero: whole minor units of an ISO 4217 currency, as many decimals as the currency
 * has (cents of EUR, fen of CNY, whole yen of JPY, fils of KWD). Never a floating-point number. Signs belong to
 * where the amount goes (a ledger's debit or credit side), not to the amount.
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minorUnits < 0) {
            throw new InvalidAmountException("an amount is at least 0, not " + minorUnits + " minor units");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidAmountException(currency + " is not a currency money is kept in");
        }
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** {@code amount} of {@code currency}, with no more decimals than the currency has. */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int decimals = currency.getDefaultFractionDigits();
        if (decimals < 0) {
            throw new InvalidAmountException(currency + " is not a currency money is kept in");
        }
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw new InvalidAmountException("an amount of " + currency + " has at most " + decimals
                    + " decimals, not " + amount.toPlainString());
        }
        if (amount.signum() < 0) {
            throw new InvalidAmountException("an amount is at least 0, not " + amount.toPlainString());
        }
        try {
            return new Money(amount.movePointRight(decimals).longValueExact(), currency);
        } catch (ArithmeticException tooLarge) {
            throw new InvalidAmountException("an amount that large is not kept: " + amount.toPlainString());
        }
    }

    /** Parses an API amount: a decimal string ({@code "199.00"}) and an ISO 4217 code ({@code "CNY"}). */
    public static Money parse(String amount, String currency) {
        if (amount == null || currency == null || !amount.matches("[0-9]{1,15}(\\.[0-9]{1,4})?")) {
            throw new InvalidAmountException("an amount is a decimal string such as \"199.00\"");
        }
        Currency code;
        try {
            code = Currency.getInstance(currency);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidAmountException("not an ISO 4217 currency: " + currency);
        }
        return of(new BigDecimal(amount), code);
    }

    /** The amount as a decimal with the currency's own decimals ({@code 199.00}, {@code 3000}). */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public Money plus(Money other) {
        sameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /** This amount less {@code other}, which may not be more. */
    public Money minus(Money other) {
        sameCurrency(other);
        if (other.minorUnits > minorUnits) {
            throw new InvalidAmountException(other + " is more than " + this);
        }
        return new Money(minorUnits - other.minorUnits, currency);
    }

    public Money min(Money other) {
        sameCurrency(other);
        return other.minorUnits < minorUnits ? other : this;
    }

    /** {@code percent} (0 to 100) of this amount, rounded half up to the minor unit. */
    public Money percent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new InvalidAmountException("a percentage is 0 to 100, not " + percent);
        }
        return basisPoints(percent * 100);
    }

    /** {@code basisPoints} hundredths of a percent (0 to 10,000) of this amount, rounded half up. */
    public Money basisPoints(int basisPoints) {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new InvalidAmountException("basis points are 0 to 10000, not " + basisPoints);
        }
        long share = BigDecimal.valueOf(minorUnits).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
        return new Money(share, currency);
    }

    public boolean isMoreThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        sameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    private void sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public String toString() {
        return amount().toPlainString() + " " + currency.getCurrencyCode();
    }
}
