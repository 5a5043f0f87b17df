package dev.atelier.platform.notifications.model;

import java.util.Arrays;
import java.util.Optional;

/** What a customer is told, and the booking event that tells it. */
public enum NotificationKind {
    BOOKING_CONFIRMED("booking.confirmed"),
    BOOKING_RESCHEDULED("booking.rescheduled"),
    BOOKING_CANCELLED("booking.cancelled");

    private final String event;

    NotificationKind(String event) {
        this.event = event;
    }

    /** The outbox event type that causes it. */
    public String event() {
        return event;
    }

    /** The kind an outbox event of {@code type} causes, if any. */
    public static Optional<NotificationKind> forEvent(String type) {
        return Arrays.stream(values()).filter(kind -> kind.event.equals(type)).findFirst();
    }

    /** Whether the booking's calendar entry goes with it: a cancellation withdraws the entry instead of sending it. */
    public boolean cancels() {
        return this == BOOKING_CANCELLED;
    }
}
