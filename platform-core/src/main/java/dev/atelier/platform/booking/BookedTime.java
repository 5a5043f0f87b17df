package dev.atelier.platform.booking;

import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.Assignment;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.VisitItem;
import dev.atelier.platform.scheduling.availability.Interval;
import dev.atelier.platform.scheduling.availability.Occupancy;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The time bookings keep, in the caller's transaction: each booking's items with the stylists' and resources' busy
 * stretches, which the schema's exclusion constraints keep from ever overlapping an active one, whatever path writes
 * them; and the turn each transaction takes at those diaries before writing.
 */
@Component
class BookedTime {

    /** Exclusion violation, deadlock, serialisation failure. */
    private static final Set<String> LOST_RACE = Set.of("23P01", "40P01", "40001");

    private final EntityManager entities;

    BookedTime(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * Takes this transaction's turn at the stylists' and resources' diaries, always in one order (stylists by id,
     * then resources by id), before any of their busy stretches are written. Two bookings of the same people then
     * queue instead of each waiting for the other's uncommitted stretch (a deadlock PostgreSQL would break by
     * failing one); bookings of different people do not wait at all. Overlaps are still refused by the exclusion
     * constraints alone.
     */
    void lockPeople(List<UUID> staff, List<UUID> resources) {
        List<String> keys = new ArrayList<>();
        staff.stream().filter(Objects::nonNull).distinct().sorted().forEach(id -> keys.add("staff:" + id));
        resources.stream().filter(Objects::nonNull).distinct().sorted().forEach(id -> keys.add("resource:" + id));
        for (String key : keys) {
            entities.createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(:key, 0)) as text)")
                    .setParameter("key", key).getSingleResult();
        }
    }

    /**
     * Writes the booking's items, each at its {@code prices} entry, and the busy stretches they keep (buffers
     * included, processing time out, one stylist's consecutive services of the visit joined without buffers between
     * them). An overlap with another active stretch is refused by the schema, here as by any other path.
     */
    void write(UUID bookingId, List<VisitItem> visit, AvailabilityEngine.Slot slot, List<BigDecimal> prices) {
        UUID previousStaff = null;
        for (int i = 0; i < slot.assignments().size(); i++) {
            Assignment assignment = slot.assignments().get(i);
            UUID itemId = UUID.randomUUID();
            entities.createNativeQuery("""
                    insert into booking_item (id, booking_id, position, service_id, staff_id, starts_at, ends_at,
                                              price_amount)
                    values (:id, :booking, :position, :service, :staff, :start, :end, :price)""")
                    .setParameter("id", itemId).setParameter("booking", bookingId).setParameter("position", i)
                    .setParameter("service", assignment.serviceId()).setParameter("staff", assignment.staffId())
                    .setParameter("start", Timestamp.from(assignment.start()))
                    .setParameter("end", Timestamp.from(assignment.end()))
                    .setParameter("price", prices.get(i)).executeUpdate();
            var service = visit.get(i).service();
            Duration duration = Duration.between(assignment.start(), assignment.end());
            boolean continuing = assignment.staffId().equals(previousStaff);
            boolean goesOn = i + 1 < slot.assignments().size()
                    && slot.assignments().get(i + 1).staffId().equals(assignment.staffId());
            for (Interval busy : Occupancy.ofStaff(service, assignment.start(), duration, !continuing, !goesOn)) {
                busy("staff_busy", "staff_id", itemId, bookingId, assignment.staffId(), busy);
            }
            Interval resourceTime = Occupancy.ofResources(service, assignment.start(), duration);
            for (UUID resource : assignment.resourceIds()) {
                busy("resource_busy", "resource_id", itemId, bookingId, resource, resourceTime);
            }
            previousStaff = assignment.staffId();
        }
    }

    /** Removes the booking's items and their stretches, to be written anew. */
    void deleteItems(UUID bookingId) {
        entities.createNativeQuery("delete from booking_item where booking_id = :id")
                .setParameter("id", bookingId).executeUpdate();
    }

    /** The booking keeps no time any more. */
    void release(UUID bookingId) {
        entities.createNativeQuery("update staff_busy set active = false where booking_id = :id")
                .setParameter("id", bookingId).executeUpdate();
        entities.createNativeQuery("update resource_busy set active = false where booking_id = :id")
                .setParameter("id", bookingId).executeUpdate();
    }

    /**
     * The booking keeps its stretches again, written at once.
     *
     * @throws SlotUnavailableException if another booking took some of that time meanwhile
     */
    void retake(UUID bookingId) {
        try {
            entities.createNativeQuery("update staff_busy set active = true where booking_id = :id")
                    .setParameter("id", bookingId).executeUpdate();
            entities.createNativeQuery("update resource_busy set active = true where booking_id = :id")
                    .setParameter("id", bookingId).executeUpdate();
            entities.flush();
        } catch (RuntimeException e) {
            throw takenOr(e);
        }
    }

    /** The rest of the visit's time is free again: stretches still to come end, the one under way ends now. */
    void endAt(UUID bookingId, Instant now) {
        for (String table : List.of("staff_busy", "resource_busy")) {
            entities.createNativeQuery("""
                    update %s set active = false where booking_id = :id and starts_at >= :now""".formatted(table))
                    .setParameter("id", bookingId).setParameter("now", Timestamp.from(now)).executeUpdate();
            entities.createNativeQuery("""
                    update %s set ends_at = :now where booking_id = :id and active and starts_at < :now
                       and ends_at > :now""".formatted(table))
                    .setParameter("id", bookingId).setParameter("now", Timestamp.from(now)).executeUpdate();
        }
    }

    /** The resources the booking's stretches name. */
    @SuppressWarnings("unchecked")
    List<UUID> resourcesOf(UUID bookingId) {
        return entities.createNativeQuery("select resource_id from resource_busy where booking_id = :id")
                .setParameter("id", bookingId).getResultList();
    }

    private void busy(String table, String column, UUID itemId, UUID bookingId, UUID who, Interval during) {
        entities.createNativeQuery("""
                insert into %s (booking_item_id, booking_id, %s, starts_at, ends_at, active)
                values (:item, :booking, :who, :start, :end, true)""".formatted(table, column))
                .setParameter("item", itemId).setParameter("booking", bookingId).setParameter("who", who)
                .setParameter("start", Timestamp.from(during.start())).setParameter("end", Timestamp.from(during.end()))
                .executeUpdate();
    }

    /**
     * A write refused by the exclusion constraints is a taken slot; so is one that lost a deadlock or a serialisation
     * race against another booking of the same people (its transaction is rolled back whole). Anything else goes on
     * as it is.
     */
    static RuntimeException takenOr(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOST_RACE.contains(sql.getSQLState())) {
                return new SlotUnavailableException("That time is no longer free.");
            }
        }
        return e;
    }
}
