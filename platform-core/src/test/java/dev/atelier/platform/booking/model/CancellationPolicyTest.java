package dev.atelier.platform.booking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Free until the cut-off, a share of the price after it; nothing for a booking not yet confirmed. */
class CancellationPolicyTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Instant START = Instant.parse("2026-06-10T10:00:00Z");
    static final Money PRICE = new Money(8_000, EUR);
    static final CancellationPolicy DAY_AHEAD_HALF_PRICE = new CancellationPolicy(24, 50, 100);

    @Test
    void cancellingBeforeTheCutOffIsFree() {
        Instant justBefore = START.minus(Duration.ofHours(24)).minusNanos(1);
        assertThat(DAY_AHEAD_HALF_PRICE.cancellationFee(BookingStatus.CONFIRMED, PRICE, START, justBefore))
                .isEqualTo(Money.zero(EUR));
        assertThat(DAY_AHEAD_HALF_PRICE.isFreeAt(START, justBefore)).isTrue();
    }

    @Test
    void cancellingWithinTwentyFourHoursChargesTheLateShareOfThePrice() {
        Instant atTheCutOff = START.minus(Duration.ofHours(24));
        assertThat(DAY_AHEAD_HALF_PRICE.freeUntil(START)).isEqualTo(atTheCutOff);
        assertThat(DAY_AHEAD_HALF_PRICE.isFreeAt(START, atTheCutOff)).isFalse();
        for (Instant late : new Instant[]{atTheCutOff, START.minusSeconds(60), START, START.plusSeconds(600)}) {
            assertThat(DAY_AHEAD_HALF_PRICE.cancellationFee(BookingStatus.CONFIRMED, PRICE, START, late))
                    .as("at " + late).isEqualTo(new Money(4_000, EUR));
            assertThat(DAY_AHEAD_HALF_PRICE.cancellationFee(BookingStatus.CHECKED_IN, PRICE, START, late))
                    .isEqualTo(new Money(4_000, EUR));
        }
    }

    @Test
    void aHoldOrABookingAwaitingPaymentCostsNothingToCancelEvenLate() {
        assertThat(DAY_AHEAD_HALF_PRICE.cancellationFee(BookingStatus.HELD, PRICE, START, START.minusSeconds(60)))
                .isEqualTo(Money.zero(EUR));
        assertThat(DAY_AHEAD_HALF_PRICE.cancellationFee(BookingStatus.PENDING_PAYMENT, PRICE, START,
                START.minusSeconds(60))).isEqualTo(Money.zero(EUR));
    }

    @Test
    void withNoWindowOnlyTheStartIsLateAndWithNoFeeNothingIsOwed() {
        CancellationPolicy noWindow = CancellationPolicy.withoutNoShowFee(0, 20);
        assertThat(noWindow.cancellationFee(BookingStatus.CONFIRMED, PRICE, START, START.minusNanos(1)))
                .isEqualTo(Money.zero(EUR));
        assertThat(noWindow.cancellationFee(BookingStatus.CONFIRMED, PRICE, START, START))
                .isEqualTo(new Money(1_600, EUR));
        assertThat(new CancellationPolicy(48, 0, 0).cancellationFee(BookingStatus.CONFIRMED, PRICE, START, START))
                .isEqualTo(Money.zero(EUR));
    }

    @Test
    void aNoShowCostsItsShareOfThePrice() {
        assertThat(DAY_AHEAD_HALF_PRICE.noShowFee(PRICE)).isEqualTo(PRICE);
        assertThat(new CancellationPolicy(24, 50, 25).noShowFee(new Money(3_333, EUR)))
                .isEqualTo(new Money(833, EUR));
        assertThat(CancellationPolicy.withoutNoShowFee(24, 50).noShowFee(PRICE)).isEqualTo(Money.zero(EUR));
    }

    @Test
    void theWindowAndTheFeesStayWithinTheirRanges() {
        new CancellationPolicy(CancellationPolicy.MAX_FREE_CANCELLATION_HOURS, CancellationPolicy.MAX_FEE_PERCENT,
                CancellationPolicy.MAX_FEE_PERCENT);
        assertThatThrownBy(() -> new CancellationPolicy(-1, 0, 0)).hasMessage("freeCancellationHours must be 0 to 720");
        assertThatThrownBy(() -> new CancellationPolicy(721, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CancellationPolicy(0, 101, 0)).hasMessage("lateFeePercent must be 0 to 100");
        assertThatThrownBy(() -> new CancellationPolicy(0, 0, -1)).hasMessage("noShowFeePercent must be 0 to 100");
    }
}
