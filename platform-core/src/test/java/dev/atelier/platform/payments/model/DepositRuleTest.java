package dev.atelier.platform.payments.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.money.InvalidAmountException;
import dev.atelier.platform.money.Money;
import java.util.Currency;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DepositRuleTest {

    static final Money PRICE = Money.parse("388.00", "CNY");

    @Test
    void eachRuleAsksItsShareOfThePriceNeverMore() {
        assertThat(new DepositRule.None().dueNow(PRICE)).isEqualTo(Money.parse("0", "CNY"));
        assertThat(new DepositRule.Fixed(Money.parse("50", "CNY")).dueNow(PRICE)).isEqualTo(Money.parse("50", "CNY"));
        assertThat(new DepositRule.Fixed(Money.parse("500", "CNY")).dueNow(PRICE)).as("capped at the price")
                .isEqualTo(PRICE);
        assertThat(new DepositRule.Percent(30).dueNow(PRICE)).isEqualTo(Money.parse("116.40", "CNY"));
        assertThat(new DepositRule.Full().dueNow(PRICE)).isEqualTo(PRICE);
    }

    @Test
    void malformedRulesAreRefused() {
        assertThatThrownBy(() -> new DepositRule.Percent(0)).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> new DepositRule.Percent(101)).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> new DepositRule.Fixed(Money.parse("0", "CNY")))
                .isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> new DepositRule.Fixed(Money.parse("5", "JPY")).dueNow(PRICE))
                .as("a deposit in another currency than the price").isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void aPercentageDepositIsBetweenZeroAndThePriceForAnyPrice() {
        Random random = new Random(20261202);
        for (int i = 0; i < 10_000; i++) {
            Money price = new Money(random.nextLong(1_000_000_000L), Currency.getInstance(
                    random.nextBoolean() ? "JPY" : "CNY"));
            int percent = 1 + random.nextInt(100);
            Money due = new DepositRule.Percent(percent).dueNow(price);
            assertThat(due.compareTo(price)).as(price + " " + percent + "%").isLessThanOrEqualTo(0);
            assertThat(Math.abs(due.minorUnits() * 100 - price.minorUnits() * percent)).as(price + " " + percent)
                    .isLessThanOrEqualTo(50);
        }
    }
}
