package dev.atelier.platform.booking;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.customers.CustomerRepository;
import dev.atelier.platform.scheduling.AvailabilitySearch.Rules;
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
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The salon's side of bookings: the diary; booking a client in at the front desk or as a walk-in; cancelling and
 * moving visits; and moving a visit through check-in, completion or no-show. The front desk books under its own rules
 * (any whole minute from now, services not offered online too) but never over taken time: the same exclusion
 * constraints refuse an overlap on every path.
 */
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

    /** Who the front desk books for: a customer of the chain by id, or a guest by name. */
    public record Client(UUID customerId, String guestName) {
    }

    /** What a creation answered: 201 and the booking (the first time or replayed). */
    public record Created(DiaryEntry booking, boolean replayed) {
    }

    private final EntityManager entities;
    private final LocationRepository locations;
    private final CustomerRepository customers;
    private final BookingLedger ledger;
    private final BookingJournal journal;
    private final Clock clock;

    StaffBookings(EntityManager entities, LocationRepository locations, CustomerRepository customers,
            BookingLedger ledger, BookingJournal journal, Clock clock) {
        this.entities = entities;
        this.locations = locations;
        this.customers = customers;
        this.ledger = ledger;
        this.journal = journal;
        this.clock = clock;
    }

    /** Books a client in for a later time (phone or front desk), confirmed at once; idempotent per staff member. */
    @Transactional
    public Created book(String staffUserId, String idempotencyKey, Client client, BookingRequest request) {
        return make(staffUserId, idempotencyKey, client, request, BookingLedger.Kind.FRONT_DESK, clock.instant());
    }

    /**
     * A client who walked in starts now (the next whole minute): checked in at once, if the stylists (or anyone able,
     * for items without one) are on shift and free for the whole visit.
     */
    @Transactional
    public Created walkIn(String staffUserId, String idempotencyKey, Client client, UUID locationId,
            List<BookingRequest.Item> items, String note) {
        Instant now = clock.instant();
        Instant start = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        return make(staffUserId, idempotencyKey, client, new BookingRequest(locationId, start, items, note),
                BookingLedger.Kind.WALK_IN, now);
    }

    private Created make(String staffUserId, String idempotencyKey, Client client, BookingRequest request,
            BookingLedger.Kind kind, Instant now) {
        String caller = "staff:" + staffUserId;
        String canonical = kind.name() + "|" + client.customerId() + "|" + client.guestName() + "|"
                + (kind == BookingLedger.Kind.WALK_IN
                        ? new BookingRequest(request.locationId(), Instant.EPOCH, request.items(), request.note())
                        : request).canonical();
        Optional<BookingView> first = ledger.claim(caller, idempotencyKey, canonical, now);
        if (first.isPresent()) {
            return new Created(entry(UUID.fromString(first.get().id())), true);
        }
        if (client.customerId() != null && customers.findById(client.customerId()).isEmpty()) {
            throw new NotFoundException("customer");
        }
        BookingView booking = ledger.place(new BookingLedger.Party(client.customerId(),
                client.customerId() == null ? client.guestName().strip() : null), request, kind, now);
        ledger.answer(caller, idempotencyKey, booking);
        UUID id = UUID.fromString(booking.id());
        journal.record(id, kind == BookingLedger.Kind.WALK_IN ? "booking.checked_in" : "booking.confirmed", booking,
                BookingJournal.Actor.STAFF, staffUserId,
                kind == BookingLedger.Kind.WALK_IN ? "booking.walk-in" : "booking.create", now);
        return new Created(entry(id), false);
    }

    /**
     * The salon cancels a visit; the policy's late fee applies only when {@code chargeFee} (the client cancelled
     * late), otherwise nothing is owed. Its time is freed at once; cancelling twice answers the booking again.
     */
    @Transactional
    public DiaryEntry cancel(UUID bookingId, boolean chargeFee, String reason, String staffUserId) {
        Instant now = clock.instant();
        BookingLedger.Locked booking = ledger.lock(bookingId, null);
        if (!booking.status().equals("CANCELLED")) {
            if (!List.of("CONFIRMED", "HELD", "CHECKED_IN").contains(booking.status())) {
                throw new UnprocessableException(ProblemType.BOOKING_RULES, "A "
                        + booking.status().toLowerCase(Locale.ROOT) + " booking cannot be cancelled.", List.of());
            }
            BigDecimal fee = chargeFee ? ledger.lateFee(booking, ledger.policy(), now) : BigDecimal.ZERO;
            ledger.cancel(booking, fee, now);
            journal.record(bookingId, "booking.cancelled", ledger.view(bookingId), BookingJournal.Actor.STAFF,
                    staffUserId, "booking.cancel", now, reason == null || reason.isBlank()
                            ? Map.of()
                            : Map.of("reason", reason.strip(), "feeCharged", Boolean.toString(chargeFee)));
        }
        return entry(bookingId);
    }

    /**
     * Moves a confirmed visit to {@code start}, optionally to other stylists ({@code staffIds}, one per item in
     * order, null to keep), at any time before it starts; atomically, prices as agreed.
     */
    @Transactional
    public DiaryEntry reschedule(UUID bookingId, Instant start, List<UUID> staffIds, String staffUserId) {
        Instant now = clock.instant();
        BookingLedger.Locked booking = ledger.lock(bookingId, null);
        if (!booking.status().equals("CONFIRMED") || !booking.start().isAfter(now)) {
            throw new UnprocessableException(ProblemType.BOOKING_RULES, "Only a confirmed booking that has not started "
                    + "can be moved; this one is " + booking.status().toLowerCase(Locale.ROOT) + ".", List.of());
        }
        ledger.move(booking, start, staffIds, Rules.FRONT_DESK, now);
        journal.record(bookingId, "booking.rescheduled", ledger.view(bookingId), BookingJournal.Actor.STAFF,
                staffUserId, "booking.reschedule", now);
        return entry(bookingId);
    }

    /** One booking as the diary shows it. */
    @Transactional(readOnly = true)
    public DiaryEntry entry(UUID bookingId) {
        List<DiaryEntry> found = entries(null, null, null, null, bookingId);
        if (found.isEmpty()) {
            throw new NotFoundException("booking");
        }
        return found.getFirst();
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
        return entries(from, to, locationId, staffId, null);
    }

    /** The diary's bookings on the local dates {@code from}–{@code to}, or the one booking {@code bookingId}. */
    private List<DiaryEntry> entries(LocalDate from, LocalDate to, UUID locationId, UUID staffId, UUID bookingId) {
        // a day's bookings in any zone lie within a day and a half either side of the UTC dates
        Instant widestStart = from == null ? Instant.EPOCH : from.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant widestEnd = to == null
                ? Instant.parse("9999-01-01T00:00:00Z")
                : to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select b.id, b.status, b.source, b.location_id, b.starts_at, b.ends_at, b.price_amount,
                       b.price_currency, b.note, c.id, coalesce(c.name, b.guest_name), c.email, c.phone,
                       i.service_id, i.staff_id, i.starts_at, i.ends_at, i.price_amount, l.timezone
                  from booking b join booking_item i on i.booking_id = b.id join location l on l.id = b.location_id
                  left join customer c on c.id = b.customer_id
                 where b.starts_at >= :from and b.starts_at < :to
                   and (cast(:booking as uuid) is null or b.id = :booking)
                   and (cast(:location as uuid) is null or b.location_id = :location)
                   and (cast(:staff as uuid) is null
                        or exists (select 1 from booking_item s where s.booking_id = b.id and s.staff_id = :staff))
                 order by b.starts_at, b.id, i.position""")
                .setParameter("from", Timestamp.from(widestStart)).setParameter("to", Timestamp.from(widestEnd))
                .setParameter("location", locationId).setParameter("staff", staffId)
                .setParameter("booking", bookingId).getResultList();
        Map<String, DiaryEntry> entries = new LinkedHashMap<>();
        Map<String, List<BookingView.ItemView>> items = new LinkedHashMap<>();
        for (Object[] row : rows) {
            Instant start = instant(row[4]);
            LocalDate localDate = LocalDate.ofInstant(start, ZoneId.of((String) row[18]));
            if (from != null && (localDate.isBefore(from) || localDate.isAfter(to))) {
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
            // the rest of the visit's time is free again: stretches still to come end, the one under way ends now
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
        journal.record(bookingId, "booking." + next.toLowerCase(java.util.Locale.ROOT),
                Map.of("id", bookingId.toString(), "status", next), BookingJournal.Actor.STAFF, staffUserId,
                "booking." + action, now);
    }

}
