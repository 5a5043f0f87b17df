package dev.atelier.platform.notifications.model;

import java.util.Set;

/**
 * Where a notification stands: {@code PENDING} until its channel took it, then {@code SENT}; {@code SKIPPED} when
 * there was no one to send it to (a guest without an address). Sent and skipped are final.
 */
public enum DeliveryStatus {
    PENDING,
    SENT,
    SKIPPED;

    /** Whether a notification in this status may move to {@code next}. */
    public boolean canBecome(DeliveryStatus next) {
        return this == PENDING && Set.of(SENT, SKIPPED).contains(next);
    }

    /** Whether nothing more is to be done. */
    public boolean isFinal() {
        return this != PENDING;
    }
}
