package dev.atelier.platform.booking.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What may be done with a booking, by whom and when. */
class BookingTest {

    static final Instant START = Instant.parse("2026-06-10T10:00:00Z");
    static final Money PRICE = new Money(6_000, Currency.getInstance("GBP"));
    static final CancellationPolicy POLICY = new CancellationPolicy(24, 50, 0);

    static Booking booking(BookingStatus status) {
        return new Booking(UUID.randomUUID(), status, UUID.randomUUID(), START, PRICE, Money.zero(PRICE.currency()),
                status == BookingStatus.HELD ? START.minus(Duration.ofDays(1)) : null);
    }

    @Test
    void aHoldKeepsItsTimeUntilItsExpiryOnly() {
        Booking hold = booking(BookingStatus.HELD);
        assertThat(hold.holdLastsAt(hold.holdExpiresAt().minusNanos(1))).isTrue();
        assertThat(hold.holdLastsAt(hold.holdExpiresAt())).isFalse();
        assertThat(booking(BookingStatus.EXPIRED).holdLastsAt(START.minus(Duration.ofDays(2)))).isFalse();
        assertThatThrownBy(() -> new Booking(UUID.randomUUID(), BookingStatus.HELD, UUID.randomUUID(), START, PRICE,
                Money.zero(PRICE.currency()),
                null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCustomerCancelsAHeldOrConfirmedVisitOnlineUntilItStarts() {
        Instant before = START.minusSeconds(1);
        assertThat(booking(BookingStatus.CONFIRMED).customerMayCancelAt(before)).isTrue();
        assertThat(booking(BookingStatus.HELD).customerMayCancelAt(before)).isTrue();
        assertThat(booking(BookingStatus.CONFIRMED).customerMayCancelAt(START)).isFalse();
        for (BookingStatus status : new BookingStatus[]{BookingStatus.CHECKED_IN, BookingStatus.COMPLETED,
                BookingStatus.NO_SHOW, BookingStatus.CANCELLED, BookingStatus.EXPIRED}) {
            assertThat(booking(status).customerMayCancelAt(before)).as(status.name()).isFalse();
        }
    }

    @Test
    void theCustomerMovesAConfirmedVisitOnlyBeforeTheCutOffTheSalonUntilItStarts() {
        Booking confirmed = booking(BookingStatus.CONFIRMED);
        Instant cutOff = START.minus(Duration.ofHours(24));
        assertThat(confirmed.customerMayMoveAt(POLICY, cutOff.minusSeconds(1))).isTrue();
        assertThat(confirmed.customerMayMoveAt(POLICY, cutOff)).isFalse();
        assertThat(confirmed.salonMayMoveAt(START.minusSeconds(1))).isTrue();
        assertThat(confirmed.salonMayMoveAt(START)).isFalse();
        assertThat(booking(BookingStatus.HELD).customerMayMoveAt(POLICY, cutOff.minusSeconds(1))).isFalse();
        assertThat(booking(BookingStatus.CHECKED_IN).salonMayMoveAt(START.minusSeconds(1))).isFalse();
    }

    @Test
    void aNoShowIsMarkedOnlyOnceTheStartHasCome() {
        Booking confirmed = booking(BookingStatus.CONFIRMED);
        assertThat(confirmed.mayBecomeAt(BookingStatus.NO_SHOW, START.minusSeconds(1))).isFalse();
        assertThat(confirmed.mayBecomeAt(BookingStatus.NO_SHOW, START)).isTrue();
        assertThat(confirmed.mayBecomeAt(BookingStatus.CHECKED_IN, START.minus(Duration.ofHours(1)))).isTrue();
        assertThat(booking(BookingStatus.CHECKED_IN).mayBecomeAt(BookingStatus.NO_SHOW, START)).isFalse();
    }

    @Test
    void cancellingLateCostsThePolicysShareAndAHoldNothing() {
        Instant late = START.minus(Duration.ofHours(2));
        assertThat(booking(BookingStatus.CONFIRMED).cancellationFeeAt(POLICY, late)).isEqualTo(PRICE.percent(50));
        assertThat(booking(BookingStatus.HELD).cancellationFeeAt(POLICY, late)).isEqualTo(Money.zero(PRICE.currency()));
    }
}
