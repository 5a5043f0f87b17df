package dev.atelier.platform.notifications;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current chain's delivery log: what was sent to whom, when, by which channel, and how it went; newest first. */
@Service
public class DeliveryLog {

    /** The most entries one question answers. */
    public static final int MAX_ENTRIES = 200;

    /** One notification as the log shows it. */
    public record Delivery(String id, String kind, String channel, String bookingId, String customerId,
            String recipient, String locale, String subject, String status, int attempts, String error,
            Instant createdAt, Instant sentAt) {
    }

    private final EntityManager entities;

    DeliveryLog(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * The {@code limit} latest notifications, of one booking if {@code bookingId} is given.
     *
     * @throws InvalidRequestException if {@code limit} is not 1 to {@value #MAX_ENTRIES}
     */
    @Transactional(readOnly = true)
    public List<Delivery> latest(UUID bookingId, int limit) {
        if (limit < 1 || limit > MAX_ENTRIES) {
            throw new InvalidRequestException(List.of(new FieldError("limit", "must be 1 to " + MAX_ENTRIES)));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select id, kind, channel, booking_id, customer_id, recipient, locale, subject, status, attempts,
                       error, created_at, sent_at
                  from notification
                 where cast(:booking as uuid) is null or booking_id = :booking
                 order by created_at desc, id
                 limit :limit""").setParameter("booking", bookingId).setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new Delivery(row[0].toString(), (String) row[1], (String) row[2],
                row[3] == null ? null : row[3].toString(), row[4] == null ? null : row[4].toString(),
                (String) row[5], (String) row[6], (String) row[7], (String) row[8], ((Number) row[9]).intValue(),
                (String) row[10], instant(row[11]), row[12] == null ? null : instant(row[12]))).toList();
    }
}
