package dev.atelier.platform.booking.model;

import dev.atelier.platform.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A booking as its rules see it: where it is in its life, when it starts, what it costs and what of that is to be
 * paid ahead (its deposit, nothing when all is paid at the salon), and, while it is {@code HELD} or waiting for its
 * payment, until when its time is kept. The questions here are asked of a booking locked for the transaction.
 */
public record Booking(UUID id, BookingStatus status, UUID locationId, Instant start, Money price, Money deposit,
        Instant holdExpiresAt) {

    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(deposit, "deposit");
        if (deposit.isMoreThan(price)) {
            throw new IllegalArgumentException("a deposit is at most the price");
        }
        if (status.keepsTimeUntilExpiry() && holdExpiresAt == null) {
            throw new IllegalArgumentException("a hold keeps its time until a given moment");
        }
    }

    /** It is held (or waits for its payment) and its hold has not run out at {@code now}. */
    public boolean holdLastsAt(Instant now) {
        return status.keepsTimeUntilExpiry() && holdExpiresAt.isAfter(now);
    }

    /** Something is to be paid ahead before it is confirmed. */
    public boolean asksForPayment() {
        return !deposit.isZero();
    }

    /** Its start is {@code now} or past. */
    public boolean hasStartedAt(Instant now) {
        return !start.isAfter(now);
    }

    /** The customer may cancel it online: the visit is still to come and has not started. */
    public boolean customerMayCancelAt(Instant now) {
        return status.isAhead() && !hasStartedAt(now);
    }

    /** The customer may move it online: it is confirmed and before the policy's cut-off. */
    public boolean customerMayMoveAt(CancellationPolicy policy, Instant now) {
        return status == BookingStatus.CONFIRMED && policy.isFreeAt(start, now);
    }

    /** The salon may move it: it is confirmed and has not started. */
    public boolean salonMayMoveAt(Instant now) {
        return status == BookingStatus.CONFIRMED && !hasStartedAt(now);
    }

    /** Whether it may become {@code next} at {@code now}: a no-show only once its start has come. */
    public boolean mayBecomeAt(BookingStatus next, Instant now) {
        return status.mayBecome(next) && (next != BookingStatus.NO_SHOW || hasStartedAt(now));
    }

    /** What cancelling it at {@code now} costs under {@code policy}. */
    public Money cancellationFeeAt(CancellationPolicy policy, Instant now) {
        return policy.cancellationFee(status, price, start, now);
    }
}
