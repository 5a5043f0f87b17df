package dev.atelier.platform.booking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void anAmountIsKeptInHundredthsWhateverTheCurrency() {
        assertThat(Money.of(new BigDecimal("12.34"), EUR)).isEqualTo(new Money(1234, EUR));
        assertThat(Money.of(new BigDecimal("3000"), JPY)).isEqualTo(new Money(300_000, JPY));
        assertThat(Money.of(new BigDecimal("7.500"), EUR).minorUnits()).isEqualTo(750);
        assertThat(new Money(1234, EUR).amount()).isEqualTo(new BigDecimal("12.34"));
        assertThat(new Money(5, EUR)).hasToString("0.05 EUR");
    }

    @Test
    void anAmountIsAtLeastZeroWithAtMostTwoDecimalsAndACurrency() {
        assertThatThrownBy(() -> new Money(-1, EUR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(new BigDecimal("-0.01"), EUR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.005"), EUR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void amountsOfOneCurrencyAddUpAndOfTwoAreRefused() {
        assertThat(new Money(150, EUR).plus(new Money(275, EUR))).isEqualTo(new Money(425, EUR));
        assertThatThrownBy(() -> new Money(150, EUR).plus(new Money(150, JPY)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR").hasMessageContaining("JPY");
    }

    @Test
    void aPercentageRoundsHalfUpToTheHundredthLikeTheDecimalSum() {
        Random random = new Random(7);
        for (int run = 0; run < 20_000; run++) {
            long minorUnits = random.nextInt(4) == 0 ? random.nextInt(1_000) : random.nextLong(1_000_000_000_000L);
            int percent = random.nextInt(101);
            BigDecimal expected = BigDecimal.valueOf(minorUnits, 2).multiply(BigDecimal.valueOf(percent))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            assertThat(new Money(minorUnits, EUR).percent(percent).amount()).as(minorUnits + " × " + percent + "%")
                    .isEqualTo(expected);
        }
    }

    @Test
    void aPercentageIsZeroToAHundred() {
        assertThat(new Money(1999, EUR).percent(0)).isEqualTo(Money.zero(EUR));
        assertThat(new Money(1999, EUR).percent(100)).isEqualTo(new Money(1999, EUR));
        assertThat(new Money(1, EUR).percent(50)).isEqualTo(new Money(1, EUR));
        assertThat(new Money(1, EUR).percent(49)).isEqualTo(Money.zero(EUR));
        assertThatThrownBy(() -> new Money(100, EUR).percent(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(100, EUR).percent(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
