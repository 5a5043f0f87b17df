package dev.atelier.platform.customers;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.money.Money;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The salon's book of its customers: found by a part of their name, email or phone number; each with their visits,
 * spend (paid online or at the salon, less refunds), no-shows and cancellations, recent bookings, and the notes the
 * staff keep of them. Guests booked by name at the desk are not in it: they have no account to find again.
 */
@Service
public class CustomerBook {

    /** The longest search text. */
    public static final int MAX_QUERY = 100;

    /** The longest note. */
    public static final int MAX_NOTE = 2000;

    /** The most customers one search answers, and the most recent bookings a profile lists. */
    static final int MAX_FOUND = 20;

    static final int MAX_RECENT = 20;

    /** A customer a search found. */
    public record Found(String id, String name, String email, String phone, long visits, Instant lastVisit) {
    }

    /** What the salon knows of one customer. */
    public record Profile(String id, String name, String email, String phone, Instant since, long visits,
            long upcoming, long noShows, long cancellations, List<Amount> spend, Instant lastVisit,
            List<Visit> bookings, List<Note> notes) {
    }

    /** An amount in a currency's major units, as the API shows money. */
    public record Amount(BigDecimal amount, String currency) {

        static Amount of(Money money) {
            return new Amount(money.amount(), money.currency().getCurrencyCode());
        }
    }

    /** One of a customer's bookings. */
    public record Visit(String id, String status, String locationId, Instant start, Amount price) {
    }

    /** A note of the staff's, with who wrote it and when. */
    public record Note(String id, String text, String author, Instant at) {
    }

    private final EntityManager entities;
    private final Clock clock;

    CustomerBook(EntityManager entities, Clock clock) {
        this.entities = entities;
        this.clock = clock;
    }

    /**
     * Customers whose name or email contains {@code text} (case folded), or whose phone number contains its digits
     * when it is a phone number; those seen most recently first.
     *
     * @throws InvalidRequestException if the text is blank, longer than {@link #MAX_QUERY} or holds control characters
     */
    @Transactional(readOnly = true)
    public List<Found> search(String text) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty() || query.length() > MAX_QUERY || query.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException(List.of(new FieldError("q",
                    "must be 1 to " + MAX_QUERY + " characters of text")));
        }
        String digits = query.replaceAll("\\D", "");
        boolean phone = query.matches("[+\\d\\s().-]+") && digits.length() >= 3;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select c.id, c.name, c.email, c.phone,
                       (select count(*) from booking b where b.customer_id = c.id and b.status = 'COMPLETED'),
                       (select max(b.starts_at) from booking b where b.customer_id = c.id and b.status = 'COMPLETED')
                  from customer c
                 where lower(c.name) like :text escape '\\' or lower(c.email) like :text escape '\\'
                    or (:phone and regexp_replace(coalesce(c.phone, ''), '\\D', '', 'g') like :digits)
                 order by c.last_seen_at desc, c.id
                 limit :limit""")
                .setParameter("text", "%" + likeEscaped(query.toLowerCase(Locale.ROOT)) + "%")
                .setParameter("phone", phone).setParameter("digits", "%" + digits + "%")
                .setParameter("limit", MAX_FOUND).getResultList();
        return rows.stream().map(row -> new Found(row[0].toString(), (String) row[1], (String) row[2],
                (String) row[3], ((Number) row[4]).longValue(), row[5] == null ? null : instant(row[5]))).toList();
    }

    /**
     * The customer {@code id}'s profile.
     *
     * @throws NotFoundException if this chain has no customer of that id
     */
    @Transactional(readOnly = true)
    public Profile profile(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = entities.createNativeQuery("""
                select c.name, c.email, c.phone, c.created_at,
                       count(b.id) filter (where b.status = 'COMPLETED'),
                       count(b.id) filter (where b.status in ('CONFIRMED', 'CHECKED_IN') and b.starts_at > :now),
                       count(b.id) filter (where b.status = 'NO_SHOW'),
                       count(b.id) filter (where b.status = 'CANCELLED'),
                       max(b.starts_at) filter (where b.status = 'COMPLETED')
                  from customer c left join booking b on b.customer_id = c.id
                 where c.id = :id
                 group by c.id""").setParameter("id", id).setParameter("now", Timestamp.from(clock.instant()))
                .getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("customer");
        }
        Object[] row = found.getFirst();
        return new Profile(id.toString(), (String) row[0], (String) row[1], (String) row[2], instant(row[3]),
                count(row[4]), count(row[5]), count(row[6]), count(row[7]), spend(id),
                row[8] == null ? null : instant(row[8]), recent(id), notes(id));
    }

    /**
     * Adds a note to the customer {@code id}'s profile, written by {@code authorUserId} ({@code authorName}); the
     * same author's same {@code idempotencyKey} answers the note it made the first time.
     *
     * @throws InvalidRequestException if the text is blank, longer than {@link #MAX_NOTE} or holds control
     *         characters other than line breaks and tabs
     * @throws NotFoundException if this chain has no customer of that id
     */
    @Transactional
    public Note addNote(UUID id, String text, String authorUserId, String authorName, String idempotencyKey) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_NOTE
                || body.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidRequestException(List.of(new FieldError("text",
                    "must be 1 to " + MAX_NOTE + " characters of text")));
        }
        if (entities.createNativeQuery("select 1 from customer where id = :id").setParameter("id", id)
                .getResultList().isEmpty()) {
            throw new NotFoundException("customer");
        }
        entities.createNativeQuery("""
                insert into customer_note (id, customer_id, body, author_user_id, author_name, idempotency_key,
                                           created_at)
                values (:id, :customer, :body, :user, :name, :key, :at)
                on conflict (author_user_id, idempotency_key) do nothing""")
                .setParameter("id", UUID.randomUUID()).setParameter("customer", id)
                .setParameter("body", body).setParameter("user", authorUserId).setParameter("name", authorName)
                .setParameter("key", idempotencyKey).setParameter("at", Timestamp.from(clock.instant()))
                .executeUpdate();
        Object[] made = (Object[]) entities.createNativeQuery("""
                select id, body, author_name, created_at, customer_id from customer_note
                 where author_user_id = :user and idempotency_key = :key""")
                .setParameter("user", authorUserId).setParameter("key", idempotencyKey).getSingleResult();
        if (!made[1].equals(body) || !made[4].equals(id)) {
            throw new InvalidRequestException(List.of(new FieldError("Idempotency-Key",
                    "was used for another note")));
        }
        return new Note(made[0].toString(), body, (String) made[2], instant(made[3]));
    }

    /** What the customer paid (online and at the salon) less what was refunded, per currency. */
    private List<Amount> spend(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select e.currency,
                       sum(case when e.kind = 'REFUND' then -p.amount_minor else p.amount_minor end)
                  from journal_entry e join journal_posting p on p.entry_id = e.id and p.side = 'D'
                  join booking b on b.id = e.booking_id
                 where b.customer_id = :id and e.kind in ('CHARGE', 'PAID_AT_SALON', 'REFUND')
                 group by e.currency order by e.currency""").setParameter("id", id).getResultList();
        List<Amount> spend = new ArrayList<>();
        for (Object[] row : rows) {
            spend.add(Amount.of(new Money(((Number) row[1]).longValue(),
                    Currency.getInstance(((String) row[0]).strip()))));
        }
        return spend;
    }

    private List<Visit> recent(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select id, status, location_id, starts_at, price_amount, price_currency from booking
                 where customer_id = :id and status not in ('HELD', 'EXPIRED')
                 order by starts_at desc, id limit :limit""").setParameter("id", id)
                .setParameter("limit", MAX_RECENT).getResultList();
        return rows.stream().map(row -> new Visit(row[0].toString(), (String) row[1], row[2].toString(),
                instant(row[3]), new Amount((BigDecimal) row[4], ((String) row[5]).strip()))).toList();
    }

    private List<Note> notes(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select id, body, author_name, created_at from customer_note
                 where customer_id = :id order by created_at desc, id""").setParameter("id", id).getResultList();
        return rows.stream().map(row -> new Note(row[0].toString(), (String) row[1], (String) row[2],
                instant(row[3]))).toList();
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
