package dev.atelier.platform.payments.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.money.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QuoteTest {

    private static final Currency GBP = Currency.getInstance("GBP");

    @Test
    void eachServiceAsksWhatItsRuleSaysAndTheRestIsPaidAtTheSalon() {
        Quote quote = Quote.of(List.of(
                priced(8_500, new DepositRule.Fixed(new Money(2_000, GBP))),
                priced(4_000, new DepositRule.None()),
                priced(3_333, new DepositRule.Percent(50))));

        assertThat(quote.total()).isEqualTo(new Money(15_833, GBP));
        assertThat(quote.dueNow()).isEqualTo(new Money(2_000 + 1_667, GBP));
        assertThat(quote.atSalon()).isEqualTo(new Money(15_833 - 3_667, GBP));
        assertThat(quote.asksAhead()).isTrue();
    }

    @Test
    void nothingAskedAheadIsAllAtTheSalon() {
        Quote quote = Quote.of(List.of(priced(4_000, new DepositRule.None())));

        assertThat(quote.asksAhead()).isFalse();
        assertThat(quote.atSalon()).isEqualTo(new Money(4_000, GBP));
    }

    @Test
    void aQuoteOfNothingIsRefused() {
        assertThatThrownBy(() -> Quote.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    /** Whatever the rules, what is due now is between nothing and the total, and the two parts make the total. */
    @Test
    void dueNowNeverExceedsTheTotal() {
        Random random = new Random(20261203L);
        for (int run = 0; run < 2_000; run++) {
            List<Quote.Priced> lines = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                long price = random.nextInt(100_000);
                DepositRule rule = switch (random.nextInt(4)) {
                    case 0 -> new DepositRule.None();
                    case 1 -> new DepositRule.Fixed(new Money(1 + random.nextInt(200_000), GBP));
                    case 2 -> new DepositRule.Percent(1 + random.nextInt(100));
                    default -> new DepositRule.Full();
                };
                lines.add(priced(price, rule));
            }
            Quote quote = Quote.of(lines);
            assertThat(quote.dueNow().minorUnits()).isBetween(0L, quote.total().minorUnits());
            assertThat(quote.dueNow().plus(quote.atSalon())).isEqualTo(quote.total());
        }
    }

    private static Quote.Priced priced(long minor, DepositRule rule) {
        return new Quote.Priced(UUID.randomUUID(), UUID.randomUUID(), new Money(minor, GBP), rule);
    }
}
