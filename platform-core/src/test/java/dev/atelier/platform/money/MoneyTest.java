package dev.atelier.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyTest {

    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency JPY = Currency.getInstance("JPY");
    static final Currency KWD = Currency.getInstance("KWD");

    @Test
    void minorUnitsAreTheCurrencysOwn() {
        assertThat(Money.parse("199.00", "CNY")).isEqualTo(new Money(19_900, CNY));
        assertThat(Money.parse("3000", "JPY")).isEqualTo(new Money(3_000, JPY));
        assertThat(Money.parse("1.234", "KWD")).isEqualTo(new Money(1_234, KWD));
        assertThat(Money.of(new BigDecimal("3000.00"), JPY).minorUnits()).as("a stored price of whole yen")
                .isEqualTo(3_000);
        assertThat(new Money(19_900, CNY).amount()).isEqualByComparingTo("199.00");
        assertThat(new Money(19_900, CNY)).hasToString("199.00 CNY");
        assertThat(new Money(3_000, JPY)).hasToString("3000 JPY");
    }

    @Test
    void badAmountsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> Money.parse("1.001", "CNY")).isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> Money.parse("10.5", "JPY")).hasMessageContaining("at most 0 decimals");
        assertThatThrownBy(() -> Money.parse("-1", "CNY")).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> Money.parse("1e3", "CNY")).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> Money.parse("12", "XXQ")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Money.parse("12", "XXX")).as("no decimals defined: not money")
                .isInstanceOf(InvalidAmountException.class);
        assertThat(Money.parse("999999999999999", "KWD").minorUnits()).isEqualTo(999_999_999_999_999_000L);
        assertThatThrownBy(() -> Money.of(new BigDecimal("99999999999999999999"), CNY))
                .hasMessageContaining("that large");
        assertThatThrownBy(() -> new Money(-1, CNY)).isInstanceOf(InvalidAmountException.class);
    }

    @Test
    void arithmeticStaysInOneCurrencyAndAboveZero() {
        Money price = Money.parse("199.00", "CNY");
        assertThat(price.plus(Money.parse("0.01", "CNY"))).isEqualTo(Money.parse("199.01", "CNY"));
        assertThat(price.minus(Money.parse("99", "CNY"))).isEqualTo(Money.parse("100", "CNY"));
        assertThatThrownBy(() -> price.minus(Money.parse("199.01", "CNY"))).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> price.plus(Money.parse("1", "JPY"))).isInstanceOf(CurrencyMismatchException.class);
        assertThat(Money.parse("0.05", "CNY").percent(50)).as("half of 5 fen rounds up").isEqualTo(new Money(3, CNY));
        assertThat(Money.parse("999", "JPY").percent(33)).isEqualTo(new Money(330, JPY));
        assertThat(price.percent(100)).isEqualTo(price);
        assertThatThrownBy(() -> price.percent(101)).isInstanceOf(InvalidAmountException.class);
        assertThat(price.min(Money.parse("50", "CNY"))).isEqualTo(Money.parse("50", "CNY"));
    }

    /** The fee rule the booking policy always had: a price times a percentage, rounded half up to the minor unit. */
    @Test
    void aPercentageRoundsHalfUpToTheMinorUnitLikeTheDecimalSum() {
        Random random = new Random(7);
        Currency eur = Currency.getInstance("EUR");
        for (int run = 0; run < 20_000; run++) {
            long minorUnits = random.nextInt(4) == 0 ? random.nextInt(1_000) : random.nextLong(1_000_000_000_000L);
            int percent = random.nextInt(101);
            BigDecimal expected = BigDecimal.valueOf(minorUnits, 2).multiply(BigDecimal.valueOf(percent))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            assertThat(new Money(minorUnits, eur).percent(percent).amount()).as(minorUnits + " × " + percent + "%")
                    .isEqualTo(expected);
        }
    }
}
