package dev.atelier.platform.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.money.Money;
import org.junit.jupiter.api.Test;

/** What a booking's money says to its customer, from its deposit and what the journal took and gave back. */
class PaymentViewTest {

    static Money gbp(String amount) {
        return Money.parse(amount, "GBP");
    }

    @Test
    void eachStateFollowsFromTheAmounts() {
        assertThat(BookingView.PaymentView.of(gbp("0.00"), gbp("0.00"), gbp("0.00")).status())
                .isEqualTo("NOT_REQUIRED");
        assertThat(BookingView.PaymentView.of(gbp("10.00"), gbp("0.00"), gbp("0.00")).status()).isEqualTo("DUE");
        assertThat(BookingView.PaymentView.of(gbp("10.00"), gbp("10.00"), gbp("0.00")).status()).isEqualTo("PAID");
        assertThat(BookingView.PaymentView.of(gbp("10.00"), gbp("10.00"), gbp("2.50")).status())
                .isEqualTo("PARTIALLY_REFUNDED");
        assertThat(BookingView.PaymentView.of(gbp("10.00"), gbp("10.00"), gbp("10.00")).status())
                .isEqualTo("REFUNDED");
    }

    @Test
    void amountsAreShownInTheCurrencysOwnDecimals() {
        BookingView.PaymentView view = BookingView.PaymentView.of(Money.parse("3000", "JPY"),
                Money.parse("3000", "JPY"), Money.parse("0", "JPY"));
        assertThat(view.due().amount()).isEqualByComparingTo("3000");
        assertThat(view.due().currency()).isEqualTo("JPY");
        assertThat(view.paid().amount().scale()).isZero();
    }
}
