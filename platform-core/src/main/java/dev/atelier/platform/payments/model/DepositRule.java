package dev.atelier.platform.payments.model;

import dev.atelier.platform.money.InvalidAmountException;
import dev.atelier.platform.money.Money;
import java.util.Objects;

/**
 * What a service asks to be paid when it is booked: nothing ({@link None}, paid at the salon), a fixed deposit, a
 * percentage of the price, or the full price in advance. Never more than the price.
 */
public sealed interface DepositRule {

    /** What is due now for a service of {@code price}. */
    Money dueNow(Money price);

    /** Nothing now: everything is paid at the salon. */
    record None() implements DepositRule {

        @Override
        public Money dueNow(Money price) {
            return Money.zero(price.currency());
        }
    }

    /** A fixed deposit, at most the price. */
    record Fixed(Money amount) implements DepositRule {

        public Fixed {
            Objects.requireNonNull(amount, "amount");
            if (amount.isZero()) {
                throw new InvalidAmountException("a fixed deposit is more than 0");
            }
        }

        @Override
        public Money dueNow(Money price) {
            return amount.min(price);
        }
    }

    /** A share of the price, 1 to 100 percent, rounded half up to the minor unit. */
    record Percent(int percent) implements DepositRule {

        public Percent {
            if (percent < 1 || percent > 100) {
                throw new InvalidAmountException("a deposit percentage is 1 to 100, not " + percent);
            }
        }

        @Override
        public Money dueNow(Money price) {
            return price.percent(percent);
        }
    }

    /** The whole price in advance. */
    record Full() implements DepositRule {

        @Override
        public Money dueNow(Money price) {
            return price;
        }
    }
}
