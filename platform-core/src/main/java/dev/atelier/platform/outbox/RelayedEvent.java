package dev.atelier.platform.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An outbox event as the relay hands it to a consumer: where it was written (the cell and the tenant's schema, and its
 * id there), what it is about, its JSON payload, when it happened, and which attempt of this consumer this is (1 the
 * first time).
 */
public record RelayedEvent(String cell, long seq, String tenantSchema, long eventId, String aggregateType,
        UUID aggregateId, String type, String payload, Instant occurredAt, int attempt) {

    public RelayedEvent {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(tenantSchema, "tenantSchema");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        if (attempt < 1) {
            throw new IllegalArgumentException("an attempt counts from 1");
        }
    }

    /** What identifies this event everywhere, for a consumer that must not act on it twice. */
    public String key() {
        return tenantSchema + ":" + eventId;
    }
}
