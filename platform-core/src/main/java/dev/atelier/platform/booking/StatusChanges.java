package dev.atelier.platform.booking;

import dev.atelier.platform.booking.model.Booking;
import dev.atelier.platform.booking.model.BookingStatus;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.tenancy.TenantContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A booking's steps through its life and what they do to its time, in the caller's transaction; each step is one
 * its status allows ({@link BookingStatus#becomes}), the callers having asked their own rules first.
 */
@Component
class StatusChanges {

    private final BookingRows rows;
    private final BookedTime time;
    private final BookingJournal journal;
    private final ApplicationEventPublisher events;

    StatusChanges(BookingRows rows, BookedTime time, BookingJournal journal, ApplicationEventPublisher events) {
        this.rows = rows;
        this.time = time;
        this.journal = journal;
        this.events = events;
    }

    /** Cancels the locked booking with {@code fee} owed and frees its time. */
    void cancel(Booking booking, Money fee, Instant now) {
        booking.status().becomes(BookingStatus.CANCELLED);
        rows.cancel(booking.id(), fee, now);
        time.release(booking.id());
        events.publishEvent(new BookingEnded(TenantContext.require(), booking.id()));
    }

    /** The locked (held) booking waits for its payment until {@code holdUntil}, keeping its time. */
    void awaitPayment(Booking booking, Instant holdUntil, Instant now) {
        booking.status().becomes(BookingStatus.PENDING_PAYMENT);
        rows.awaitPayment(booking.id(), holdUntil, now);
    }

    /** The locked booking becomes confirmed (its time already kept). */
    void confirm(Booking booking, Instant now) {
        rows.setStatus(booking.id(), booking.status().becomes(BookingStatus.CONFIRMED), now);
    }

    /**
     * The locked booking becomes {@code next}; completed or not come, the rest of its time is free again at once.
     */
    void advance(Booking booking, BookingStatus next, Instant now) {
        rows.setStatus(booking.id(), booking.status().becomes(next), now);
        if (next == BookingStatus.COMPLETED || next == BookingStatus.NO_SHOW) {
            time.endAt(booking.id(), now);
            events.publishEvent(new BookingEnded(TenantContext.require(), booking.id()));
        }
    }

    /**
     * Every hold whose time ran out becomes {@code EXPIRED} and frees its time, with an event and an audit entry;
     * holds another transaction is expiring at the same moment are left to it.
     */
    int expireOverdueHolds(Instant now) {
        return expireOverdueHolds(now, null);
    }

    /** As {@link #expireOverdueHolds(Instant)}, leaving out {@code except} (a hold being confirmed late). */
    int expireOverdueHolds(Instant now, UUID except) {
        List<UUID> expired = rows.lockOverdueHolds(now, except);
        BookingStatus status = BookingStatus.EXPIRED;
        for (UUID id : expired) {
            rows.setStatus(id, status, now);
            time.release(id);
            journal.record(id, "booking.expired", Map.of("id", id.toString(), "status", status.name()),
                    BookingJournal.Actor.SYSTEM, null, "booking.expire", now);
        }
        return expired.size();
    }
}
