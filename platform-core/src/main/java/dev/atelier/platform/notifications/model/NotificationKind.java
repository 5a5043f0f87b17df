package dev.atelier.platform.notifications.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a customer is told, and the booking event that tells it. */
public enum NotificationKind {
    BOOKING_CONFIRMED("booking.confirmed"),
    BOOKING_RESCHEDULED("booking.rescheduled"),
    BOOKING_CANCELLED("booking.cancelled"),
    /** Due a while before the visit (see {@link #REMINDER_LEADS}), not caused by an event of its own. */
    BOOKING_REMINDER(null);

    /** How long before a visit its reminders are due. */
    public static final List<Duration> REMINDER_LEADS = List.of(
            Duration.ofHours(24), Duration.ofHours(2));

    private final String event;

    NotificationKind(String event) {
        this.event = event;
    }

    /** The outbox event type that causes it (none for a reminder). */
    public String event() {
        return event;
    }

    /** The kind an outbox event of {@code type} causes, if any. */
    public static Optional<NotificationKind> forEvent(String type) {
        return Arrays.stream(values()).filter(kind -> kind.event != null && kind.event.equals(type)).findFirst();
    }

    /** Whether the booking's calendar entry goes with it: a cancellation withdraws the entry instead of sending it. */
    public boolean cancels() {
        return this == BOOKING_CANCELLED;
    }

    /**
     * Whether the customer needs it at once, whatever the hour (a change to their booking); what can wait is held
     * through their quiet hours.
     */
    public boolean urgent() {
        return this != BOOKING_REMINDER;
    }

    /** Whether it carries the booking's calendar entry (a reminder does not: the entry came with the booking). */
    public boolean carriesCalendar() {
        return this != BOOKING_REMINDER;
    }
}
