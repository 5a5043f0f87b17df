package dev.atelier.platform.booking;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a booking change leaves behind, in the caller's transaction: an outbox event for the rest of the platform
 * and an audit entry saying who did it.
 */
@Component
public class BookingJournal {

    /** Who changed a booking. */
    public enum Actor {
        CUSTOMER,
        STAFF,
        SYSTEM
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EntityManager entities;

    public BookingJournal(EntityManager entities) {
        this.entities = entities;
    }

    /** Records event {@code type} (e.g. {@code booking.confirmed}) with {@code payload} and the audit entry. */
    public void record(UUID bookingId, String type, Object payload, Actor actor, String userId, String action,
            Instant at) {
        record(bookingId, type, payload, actor, userId, action, at, Map.of());
    }

    /** As {@link #record}, with {@code details} of the change (a reason, say) kept in the audit entry. */
    public void record(UUID bookingId, String type, Object payload, Actor actor, String userId, String action,
            Instant at, Map<String, String> details) {
        entities.createNativeQuery("""
                insert into outbox_event (aggregate_type, aggregate_id, type, payload, occurred_at)
                values ('booking', :id, :type, cast(:payload as jsonb), :at)""")
                .setParameter("id", bookingId).setParameter("type", type)
                .setParameter("payload", JSON.writeValueAsString(payload)).setParameter("at", Timestamp.from(at))
                .executeUpdate();
        entities.createNativeQuery("""
                insert into audit_entry (actor_kind, actor_user_id, action, subject_type, subject_id, details, at)
                values (:actor, :user, :action, 'booking', :id, cast(:details as jsonb), :at)""")
                .setParameter("actor", actor.name()).setParameter("details", JSON.writeValueAsString(details))
                .setParameter("user", userId).setParameter("action", action)
                .setParameter("id", bookingId).setParameter("at", Timestamp.from(at)).executeUpdate();
    }
}
