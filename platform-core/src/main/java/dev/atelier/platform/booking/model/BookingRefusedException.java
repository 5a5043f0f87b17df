package dev.atelier.platform.booking.model;

import java.util.Optional;

/**
 * The booking rules refuse what was asked (a step its status does not allow, a time outside the opening hours or
 * the lead time, a move past the free-cancellation cut-off); optionally naming the field at fault.
 */
public class BookingRefusedException extends RuntimeException {

    private final String field;
    private final String reason;

    public BookingRefusedException(String message) {
        this(message, null, null);
    }

    /** Refused because of {@code field}, for {@code reason} (e.g. {@code start}, "not bookable"). */
    public BookingRefusedException(String message, String field, String reason) {
        super(message);
        if ((field == null) != (reason == null)) {
            throw new IllegalArgumentException("a field at fault comes with its reason");
        }
        this.field = field;
        this.reason = reason;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** Why {@link #field()} is at fault; present exactly when it is. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
