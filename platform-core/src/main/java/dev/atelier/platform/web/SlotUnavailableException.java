package dev.atelier.platform.web;

/**
 * The booking's {@link dev.atelier.platform.booking.model.SlotUnavailableException}, as the storefront's pages still
 * catch it; answered alike. Goes once they catch the booking's own.
 *
 * @deprecated catch {@link dev.atelier.platform.booking.model.SlotUnavailableException}
 */
@Deprecated(forRemoval = true)
public class SlotUnavailableException extends dev.atelier.platform.booking.model.SlotUnavailableException {

    public SlotUnavailableException(String message) {
        super(message);
    }
}
