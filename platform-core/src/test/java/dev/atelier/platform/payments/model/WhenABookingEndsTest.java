package dev.atelier.platform.payments.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.money.Money;
import org.junit.jupiter.api.Test;

class WhenABookingEndsTest {

    static final Money HELD = Money.parse("100.00", "CNY");

    @Test
    void aCustomerCancellingGetsBackAllButTheFee() {
        assertThat(WhenABookingEnds.cancelledByCustomer(HELD, Money.parse("0", "CNY")))
                .isEqualTo(new WhenABookingEnds(HELD, Money.parse("0", "CNY")));
        assertThat(WhenABookingEnds.cancelledByCustomer(HELD, Money.parse("30", "CNY")))
                .isEqualTo(new WhenABookingEnds(Money.parse("70", "CNY"), Money.parse("30", "CNY")));
        assertThat(WhenABookingEnds.cancelledByCustomer(HELD, Money.parse("150", "CNY")))
                .as("never more kept than was paid").isEqualTo(new WhenABookingEnds(Money.parse("0", "CNY"), HELD));
    }

    @Test
    void theSalonCancellingRefundsEverythingAndANoShowForfeitsTheDeposit() {
        assertThat(WhenABookingEnds.cancelledBySalon(HELD)).isEqualTo(new WhenABookingEnds(HELD,
                Money.parse("0", "CNY")));
        assertThat(WhenABookingEnds.noShow(HELD)).isEqualTo(new WhenABookingEnds(Money.parse("0", "CNY"), HELD));
    }
}
