package dev.atelier.platform.web;

/** The time asked for is no longer free (someone else took it first): 409 {@code …/slot-unavailable}. */
public class SlotUnavailableException extends RuntimeException {

    public SlotUnavailableException(String message) {
        super(message);
    }
}
