package dev.atelier.platform.booking.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a booking is in its life, and the only steps it may take from there:
 *
 * <pre>
 * HELD            → PENDING_PAYMENT | CONFIRMED | CANCELLED | EXPIRED
 * PENDING_PAYMENT → CONFIRMED | CANCELLED | EXPIRED
 * CONFIRMED       → CHECKED_IN | COMPLETED | NO_SHOW | CANCELLED
 * CHECKED_IN      → COMPLETED | CANCELLED
 * EXPIRED         → CONFIRMED
 * </pre>
 *
 * A hold is confirmed at once when the visit is paid at the salon, or goes through {@code PENDING_PAYMENT} when it is
 * paid ahead; a hold (or a payment) whose time ran out is {@code EXPIRED}, and is confirmed again only if its time is
 * still free. {@code COMPLETED}, {@code NO_SHOW} and {@code CANCELLED} are final. The names are the values the
 * {@code booking.status} column stores (its check in changeset 0004); renaming one needs a new changeset.
 */
public enum BookingStatus {
    /** Its time is kept for a short while during checkout. */
    HELD,
    /** Checkout is waiting for the payment provider: the customer is paying the deposit (or the full price). */
    PENDING_PAYMENT,
    CONFIRMED,
    /** The client is at the salon. */
    CHECKED_IN,
    COMPLETED,
    NO_SHOW,
    CANCELLED,
    /** A hold or payment whose time ran out; its time is free again. */
    EXPIRED;

    private static final Map<BookingStatus, Set<BookingStatus>> NEXT = new EnumMap<>(BookingStatus.class);

    static {
        NEXT.put(HELD, EnumSet.of(PENDING_PAYMENT, CONFIRMED, CANCELLED, EXPIRED));
        NEXT.put(PENDING_PAYMENT, EnumSet.of(CONFIRMED, CANCELLED, EXPIRED));
        NEXT.put(CONFIRMED, EnumSet.of(CHECKED_IN, COMPLETED, NO_SHOW, CANCELLED));
        NEXT.put(CHECKED_IN, EnumSet.of(COMPLETED, CANCELLED));
        NEXT.put(EXPIRED, EnumSet.of(CONFIRMED));
        for (BookingStatus status : values()) {
            NEXT.compute(status, (key, next) -> Collections.unmodifiableSet(
                    next == null ? EnumSet.noneOf(BookingStatus.class) : next));
        }
    }

    /** The statuses this one may become; none for a final one. */
    public Set<BookingStatus> next() {
        return NEXT.get(this);
    }

    public boolean mayBecome(BookingStatus next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * {@code next}, if this status may become it.
     *
     * @throws BookingRefusedException for any other step
     */
    public BookingStatus becomes(BookingStatus next) {
        if (!mayBecome(next)) {
            throw new BookingRefusedException("A " + word() + " booking cannot become " + next.word() + ".");
        }
        return next;
    }

    /** No step leads on from it. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** It keeps its time only until its hold runs out: held during checkout, or waiting for its payment. */
    public boolean keepsTimeUntilExpiry() {
        return this == HELD || this == PENDING_PAYMENT;
    }

    /** The visit is still to come: held, awaiting payment or confirmed. */
    public boolean isAhead() {
        return this == HELD || this == PENDING_PAYMENT || this == CONFIRMED;
    }

    /** The name as messages say it: {@code checked_in}, {@code no_show}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
