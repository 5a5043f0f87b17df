package dev.atelier.platform.booking.model;

/** The time asked for is no longer free (someone else took it first). */
public class SlotUnavailableException extends RuntimeException {

    public SlotUnavailableException(String message) {
        super(message);
    }
}
