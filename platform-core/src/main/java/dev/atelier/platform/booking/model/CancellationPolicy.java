package dev.atelier.platform.booking.model;

import dev.atelier.platform.money.Money;
import java.time.Duration;
import java.time.Instant;

/**
 * What a chain's clients may do with a booking before its start, and what it costs: cancelling or moving it is free
 * until {@code freeCancellationHours} before the start; cancelling later costs {@code lateFeePercent} of the price;
 * not coming costs {@code noShowFeePercent} of it. A booking not yet confirmed (held during checkout, awaiting
 * payment) costs nothing to cancel.
 */
public record CancellationPolicy(int freeCancellationHours, int lateFeePercent, int noShowFeePercent) {

    /** The longest free-cancellation window, as the policy table allows (30 days). */
    public static final int MAX_FREE_CANCELLATION_HOURS = 720;
    public static final int MAX_FEE_PERCENT = 100;

    public CancellationPolicy {
        within("freeCancellationHours", freeCancellationHours, MAX_FREE_CANCELLATION_HOURS);
        within("lateFeePercent", lateFeePercent, MAX_FEE_PERCENT);
        within("noShowFeePercent", noShowFeePercent, MAX_FEE_PERCENT);
    }

    /** A chain's policy without a no-show fee. */
    public static CancellationPolicy withoutNoShowFee(int freeCancellationHours, int lateFeePercent) {
        return new CancellationPolicy(freeCancellationHours, lateFeePercent, 0);
    }

    /** The last moment cancelling or moving a visit starting at {@code start} is free (excluded). */
    public Instant freeUntil(Instant start) {
        return start.minus(Duration.ofHours(freeCancellationHours));
    }

    /** Whether, at {@code now}, a visit starting at {@code start} is still before the cut-off. */
    public boolean isFreeAt(Instant start, Instant now) {
        return now.isBefore(freeUntil(start));
    }

    /** The fee for cancelling, at {@code now}, a {@code status} booking of {@code price} starting at {@code start}. */
    public Money cancellationFee(BookingStatus status, Money price, Instant start, Instant now) {
        if (status == BookingStatus.HELD || status == BookingStatus.PENDING_PAYMENT || isFreeAt(start, now)) {
            return Money.zero(price.currency());
        }
        return price.percent(lateFeePercent);
    }

    /** The fee for not coming to a visit of {@code price}. */
    public Money noShowFee(Money price) {
        return price.percent(noShowFeePercent);
    }

    private static void within(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be 0 to " + max);
        }
    }
}
