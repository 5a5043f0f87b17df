package dev.atelier.platform.booking;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.scheduling.CalendarLimits;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.platform.web.ProblemType;
import dev.atelier.platform.web.UnprocessableException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The salon's side of bookings: the diary, and moving a visit through check-in, completion or no-show. */
@Service
public class StaffBookings {

    /** A booking in the diary, with who it is for. */
    public record DiaryEntry(String id, String status, String source, String locationId, Instant start, Instant end,
            Client customer, List<BookingView.ItemView> items, BookingView.PriceView price, String note) {

        public record Client(String id, String name, String email, String phone) {
        }
    }

    /** The most days one diary question may span. */
    public static final int MAX_DAYS = 62;

    private static final Map<String, Set<String>> NEXT = Map.of(
            "check-in", Set.of("CONFIRMED"),
            "complete", Set.of("CONFIRMED", "CHECKED_IN"),
            "no-show", Set.of("CONFIRMED"));

    private final EntityManager entities;
    private final LocationRepository locations;
    private final BookingJournal journal;
    private final Clock clock;

    public StaffBookings(EntityManager entities, LocationRepository locations, BookingJournal journal, Clock clock) {
        this.entities = entities;
        this.locations = locations;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Bookings starting on the local dates {@code from}–{@code to} (inclusive, in each location's zone), optionally
     * at one location or with one stylist, in start order.
     */
    @Transactional(readOnly = true)
    public List<DiaryEntry> diary(LocalDate from, LocalDate to, UUID locationId, UUID staffId) {
        if (!CalendarLimits.contains(from) || !CalendarLimits.contains(to)) {
            throw new InvalidRequestException(List.of(new FieldError(CalendarLimits.contains(from) ? "to" : "from",
                    CalendarLimits.DESCRIPTION)));
        }
        if (to.isBefore(from) || from.plusDays(MAX_DAYS - 1).isBefore(to)) {
            throw new InvalidRequestException(List.of(new FieldError("to",
                    "must be on or after from, at most " + MAX_DAYS + " days")));
        }
        if (locationId != null && locations.findById(locationId).isEmpty()) {
            throw new NotFoundException("location");
        }
        // a day's bookings in any zone lie within a day and a half either side of the UTC dates
        Instant widestStart = from.minusDays(2).atStartOfDay(ZoneId.of("UTC")).toInstant();
        Instant widestEnd = to.plusDays(2).atStartOfDay(ZoneId.of("UTC")).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select b.id, b.status, b.source, b.location_id, b.starts_at, b.ends_at, b.price_amount,
                       b.price_currency, b.note, c.id, coalesce(c.name, b.guest_name), c.email, c.phone,
                       i.service_id, i.staff_id, i.starts_at, i.ends_at, i.price_amount, l.timezone
                  from booking b join booking_item i on i.booking_id = b.id join location l on l.id = b.location_id
                  left join customer c on c.id = b.customer_id
                 where b.starts_at >= :from and b.starts_at < :to
                   and (cast(:location as uuid) is null or b.location_id = :location)
                   and (cast(:staff as uuid) is null
                        or exists (select 1 from booking_item s where s.booking_id = b.id and s.staff_id = :staff))
                 order by b.starts_at, b.id, i.position""")
                .setParameter("from", Timestamp.from(widestStart)).setParameter("to", Timestamp.from(widestEnd))
                .setParameter("location", locationId).setParameter("staff", staffId).getResultList();
        Map<String, DiaryEntry> entries = new LinkedHashMap<>();
        Map<String, List<BookingView.ItemView>> items = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Instant start = instant(row[4]);
            LocalDate localDate = LocalDate.ofInstant(start, ZoneId.of((String) row[18]));
            if (localDate.isBefore(from) || localDate.isAfter(to)) {
                continue;
            }
            String id = row[0].toString();
            entries.computeIfAbsent(id, key -> new DiaryEntry(id, (String) row[1], (String) row[2], row[3].toString(),
                    start, instant(row[5]), new DiaryEntry.Client(row[9] == null ? null : row[9].toString(),
                            (String) row[10], (String) row[11], (String) row[12]),
                    List.of(), new BookingView.PriceView((BigDecimal) row[6], ((String) row[7]).strip()),
                    (String) row[8]));
            items.computeIfAbsent(id, key -> new ArrayList<>()).add(new BookingView.ItemView(row[13].toString(),
                    row[14].toString(), instant(row[15]), instant(row[16]), (BigDecimal) row[17]));
        }
        return entries.values().stream().map(e -> new DiaryEntry(e.id(), e.status(), e.source(), e.locationId(),
                e.start(), e.end(), e.customer(), List.copyOf(items.get(e.id())), e.price(), e.note())).toList();
    }

    /**
     * Moves a booking on: {@code check-in} (the client is here), {@code complete}, {@code no-show} (after its
     * start only). Each writes an outbox event and an audit entry with who did it.
     */
    @Transactional
    public void advance(UUID bookingId, String action, String staffUserId) {
        Set<String> from = NEXT.get(action);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery(
                "select status, starts_at from booking where id = :id for update").setParameter("id", bookingId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("booking");
        }
        String status = (String) rows.getFirst()[0];
        Instant start = instant(rows.getFirst()[1]);
        Instant now = clock.instant();
        if (!from.contains(status) || (action.equals("no-show") && now.isBefore(start))) {
            throw new UnprocessableException(ProblemType.BOOKING_RULES, "A " + status.toLowerCase(java.util.Locale.ROOT)
                    + " booking cannot be marked " + action + (action.equals("no-show") ? " before it starts" : ""),
                    List.of());
        }
        String next = switch (action) {
            case "check-in" -> "CHECKED_IN";
            case "complete" -> "COMPLETED";
            default -> "NO_SHOW";
        };
        entities.createNativeQuery(
                "update booking set status = :status, updated_at = :now, version = version + 1 where id = :id")
                .setParameter("status", next).setParameter("now", Timestamp.from(now)).setParameter("id", bookingId)
                .executeUpdate();
        if (next.equals("NO_SHOW") || next.equals("COMPLETED")) {
            entities.createNativeQuery("""
                    update staff_busy set active = false where booking_id = :id and starts_at >= :now""")
                    .setParameter("id", bookingId).setParameter("now", Timestamp.from(now)).executeUpdate();
        }
        journal.record(bookingId, "booking." + next.toLowerCase(java.util.Locale.ROOT),
                Map.of("id", bookingId.toString(), "status", next), BookingJournal.Actor.STAFF, staffUserId,
                "booking." + action, now);
    }

}
