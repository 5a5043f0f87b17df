package dev.atelier.platform.notifications;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A reminder of a booking as the scheduler keeps it: whose (the tenant's schema), which booking, how long before, and
 * the start it was planned for (a booking moved since is reminded at its new time by its own plan, never by this one).
 */
public record Reminder(String tenantSchema, String bookingId, String lead, Instant start) implements Serializable {

    /** The lead as the scheduler's instance names it: {@code 24h}, {@code 2h}. */
    static String leadOf(Duration lead) {
        return lead.toHours() + "h";
    }

    /** The scheduler's instance id: one per booking and lead. */
    String instanceId() {
        return tenantSchema + ":" + bookingId + ":" + lead;
    }
}
