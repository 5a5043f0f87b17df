package dev.atelier.platform.booking;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.booking.model.Booking;
import dev.atelier.platform.booking.model.BookingSource;
import dev.atelier.platform.booking.model.BookingStatus;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.web.NotFoundException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The {@code booking} rows and their items, in the caller's transaction; the statuses and sources stored as their
 * model names. The busy stretches the items keep are {@link BookedTime}'s.
 */
@Component
class BookingRows {

    /** A booking to write: who it is for, how it was made, its time and its price. */
    record NewRow(UUID id, UUID customerId, String guestName, UUID locationId, BookingStatus status,
            BookingSource source, Instant start, Instant end, Instant holdExpiresAt, BigDecimal price,
            String currency, Money deposit, String note) {
    }

    /** One of a booking's items, in its order. */
    record Item(UUID serviceId, UUID staffId, BigDecimal price) {
    }

    private final EntityManager entities;

    BookingRows(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * The booking, locked for the transaction, if it exists (and belongs to {@code customerId} when that is given).
     *
     * @throws NotFoundException otherwise
     */
    Booking lock(UUID bookingId, UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select status, location_id, starts_at, price_amount, hold_expires_at, price_currency, deposit_minor
                  from booking
                 where id = :id and (cast(:customer as uuid) is null or customer_id = :customer) for update""")
                .setParameter("id", bookingId).setParameter("customer", customerId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("booking");
        }
        Object[] row = rows.getFirst();
        Currency currency = Currency.getInstance(((String) row[5]).strip());
        return new Booking(bookingId, BookingStatus.valueOf((String) row[0]), (UUID) row[1], instant(row[2]),
                Money.of((BigDecimal) row[3], currency), new Money(((Number) row[6]).longValue(), currency),
                row[4] == null ? null : instant(row[4]));
    }

    void insert(NewRow row, Instant now) {
        entities.createNativeQuery("""
                insert into booking (id, customer_id, guest_name, location_id, status, source, starts_at, ends_at,
                                     hold_expires_at, price_amount, price_currency, deposit_minor, note, created_at,
                                     updated_at)
                values (:id, :customer, :guest, :location, :status, :source, :start, :end, :expires, :price,
                        :currency, :deposit, :note, :now, :now)""")
                .setParameter("id", row.id()).setParameter("customer", row.customerId())
                .setParameter("guest", row.guestName()).setParameter("location", row.locationId())
                .setParameter("status", row.status().name()).setParameter("source", row.source().name())
                .setParameter("start", Timestamp.from(row.start())).setParameter("end", Timestamp.from(row.end()))
                .setParameter("expires", row.holdExpiresAt() == null ? null : Timestamp.from(row.holdExpiresAt()))
                .setParameter("price", row.price()).setParameter("currency", row.currency())
                .setParameter("deposit", row.deposit().minorUnits())
                .setParameter("note", row.note()).setParameter("now", Timestamp.from(now)).executeUpdate();
    }

    /** Sets the status; no step leads back to {@code HELD}, so a hold's expiry goes. */
    void setStatus(UUID bookingId, BookingStatus status, Instant now) {
        entities.createNativeQuery("""
                update booking set status = :status, updated_at = :now, version = version + 1, hold_expires_at = null
                 where id = :id""")
                .setParameter("status", status.name()).setParameter("now", Timestamp.from(now))
                .setParameter("id", bookingId).executeUpdate();
    }

    /** The booking waits for its payment, its time kept until {@code holdUntil}. */
    void awaitPayment(UUID bookingId, Instant holdUntil, Instant now) {
        entities.createNativeQuery("""
                update booking set status = :status, hold_expires_at = :until, updated_at = :now, version = version + 1
                 where id = :id""")
                .setParameter("status", BookingStatus.PENDING_PAYMENT.name())
                .setParameter("until", Timestamp.from(holdUntil)).setParameter("now", Timestamp.from(now))
                .setParameter("id", bookingId).executeUpdate();
    }

    /** Marks the booking cancelled with {@code fee} owed. */
    void cancel(UUID bookingId, Money fee, Instant now) {
        entities.createNativeQuery("""
                update booking set status = :status, cancellation_fee_amount = :fee, hold_expires_at = null,
                       updated_at = :now, version = version + 1 where id = :id""")
                .setParameter("status", BookingStatus.CANCELLED.name()).setParameter("fee", fee.amount())
                .setParameter("now", Timestamp.from(now)).setParameter("id", bookingId).executeUpdate();
    }

    /** The cancellation fee recorded on the booking; zero if none. */
    Money cancellationFee(UUID bookingId, Currency currency) {
        List<?> fee = entities.createNativeQuery("select cancellation_fee_amount from booking where id = :id")
                .setParameter("id", bookingId).getResultList();
        return fee.isEmpty() || fee.getFirst() == null
                ? Money.zero(currency)
                : Money.of((BigDecimal) fee.getFirst(),
                        currency);
    }

    /** Gives the booking a new time (its items are rewritten with it). */
    void retime(UUID bookingId, Instant start, Instant end, Instant now) {
        entities.createNativeQuery("""
                update booking set starts_at = :start, ends_at = :end, updated_at = :now, version = version + 1
                 where id = :id""")
                .setParameter("start", Timestamp.from(start)).setParameter("end", Timestamp.from(end))
                .setParameter("now", Timestamp.from(now)).setParameter("id", bookingId).executeUpdate();
    }

    /** The booking costs {@code total} now, and asks {@code deposit} of it ahead. */
    void reprice(UUID bookingId, Money total, Money deposit, Instant now) {
        entities.createNativeQuery("""
                update booking set price_amount = :price, deposit_minor = :deposit, updated_at = :now,
                                   version = version + 1
                 where id = :id""")
                .setParameter("price", total.amount()).setParameter("deposit", deposit.minorUnits())
                .setParameter("now", Timestamp.from(now)).setParameter("id", bookingId).executeUpdate();
    }

    /** The booking's items in order. */
    List<Item> items(UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select service_id, staff_id, price_amount from booking_item where booking_id = :id order by position""")
                .setParameter("id", bookingId).getResultList();
        return rows.stream().map(row -> new Item((UUID) row[0], (UUID) row[1], (BigDecimal) row[2])).toList();
    }

    /**
     * The holds whose time ran out at {@code now}, but {@code except} (when given), locked; those another
     * transaction has locked are left to it.
     */
    List<UUID> lockOverdueHolds(Instant now, UUID except) {
        @SuppressWarnings("unchecked")
        List<UUID> overdue = entities.createNativeQuery("""
                select id from booking where status in ('%s', '%s') and hold_expires_at <= :now
                   and (cast(:except as uuid) is null or id <> :except) for update skip locked"""
                // literals, as the partial index booking_held has them
                .formatted(BookingStatus.HELD.name(), BookingStatus.PENDING_PAYMENT.name()))
                .setParameter("now", Timestamp.from(now))
                .setParameter("except", except).getResultList();
        return overdue;
    }
}
