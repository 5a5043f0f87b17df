package dev.atelier.platform.booking;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.Performer;
import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.scheduling.AvailabilityQuery;
import dev.atelier.platform.scheduling.AvailabilitySearch;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.Assignment;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.VisitItem;
import dev.atelier.platform.scheduling.availability.Interval;
import dev.atelier.platform.scheduling.availability.Occupancy;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.platform.web.ProblemType;
import dev.atelier.platform.web.SlotUnavailableException;
import dev.atelier.platform.web.UnprocessableException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Booking a visit. The time is checked by the same engine that lists availability, then written with the stylists'
 * and resources' busy stretches, which the schema's exclusion constraints keep from ever overlapping an active one:
 * whoever loses a race gets {@code 409 …/slot-unavailable}, never a double booking. Every creation is idempotent per
 * customer and {@code Idempotency-Key}, and writes an outbox event and an audit entry in the same transaction.
 */
@Service
public class Bookings {

    /** What a creation answered: 201 and the booking (the first time or replayed). */
    public record Created(BookingView booking, boolean replayed) {
    }

    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AvailabilitySearch search;
    private final LocationRepository locations;
    private final EntityManager entities;
    private final BookingJournal journal;
    private final Clock clock;

    public Bookings(AvailabilitySearch search, LocationRepository locations, EntityManager entities,
            BookingJournal journal, Clock clock) {
        this.search = search;
        this.locations = locations;
        this.entities = entities;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public Created create(Customer customer, String idempotencyKey, BookingRequest request) {
        Instant now = clock.instant();
        String hash = sha256(request.canonical());
        String caller = customer.id().toString();
        int claimed = entities.createNativeQuery("""
                insert into idempotency_key (caller, key, request_hash, created_at)
                values (:caller, :key, :hash, :now) on conflict do nothing""")
                .setParameter("caller", caller).setParameter("key", idempotencyKey).setParameter("hash", hash)
                .setParameter("now", Timestamp.from(now)).executeUpdate();
        if (claimed == 0) {
            return replay(caller, idempotencyKey, hash);
        }
        BookingView booking = book(customer, request, now);
        entities.createNativeQuery("""
                update idempotency_key set response_status = 201, response_body = cast(:body as jsonb)
                 where caller = :caller and key = :key""")
                .setParameter("body", JSON.writeValueAsString(booking)).setParameter("caller", caller)
                .setParameter("key", idempotencyKey).executeUpdate();
        return new Created(booking, false);
    }

    /** The caller's bookings at this tenant, newest first. */
    @Transactional(readOnly = true)
    public List<BookingView> of(Customer customer) {
        return read(customer, null);
    }

    /** One of the customer's bookings. */
    @Transactional(readOnly = true)
    public BookingView one(Customer customer, UUID bookingId) {
        return read(customer, bookingId).stream().findFirst().orElseThrow(() -> new NotFoundException("booking"));
    }

    /** The customer's bookings, or only {@code bookingId} when it is given. */
    private List<BookingView> read(Customer customer, UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select b.id, b.status, b.location_id, b.starts_at, b.ends_at, b.price_amount, b.price_currency, b.note,
                       i.service_id, i.staff_id, i.starts_at, i.ends_at, i.price_amount, b.cancellation_fee_amount
                  from booking b join booking_item i on i.booking_id = b.id
                 where b.customer_id = :customer and (cast(:booking as uuid) is null or b.id = :booking)
                 order by b.starts_at desc, b.id, i.position""").setParameter("customer", customer.id())
                .setParameter("booking", bookingId).getResultList();
        Map<UUID, BookingView> bookings = new LinkedHashMap<>();
        Map<UUID, List<BookingView.ItemView>> items = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            bookings.computeIfAbsent(id, key -> new BookingView(id.toString(), (String) row[1], row[2].toString(),
                    instant(row[3]), instant(row[4]), List.of(),
                    new BookingView.PriceView((BigDecimal) row[5], ((String) row[6]).strip()), (String) row[7],
                    (BigDecimal) row[13]));
            items.computeIfAbsent(id, key -> new ArrayList<>()).add(new BookingView.ItemView(row[8].toString(),
                    row[9].toString(), instant(row[10]), instant(row[11]), (BigDecimal) row[12]));
        }
        return bookings.values().stream().map(b -> new BookingView(b.id(), b.status(), b.locationId(), b.start(),
                b.end(), List.copyOf(items.get(UUID.fromString(b.id()))), b.price(), b.note(), b.cancellationFee()))
                .toList();
    }

    /**
     * The customer cancels their booking: free until the policy's cut-off before the start, a fee (a share of the
     * price) after it, recorded on the booking; its time is freed at once. Cancelling twice answers the cancelled
     * booking again; a booking already over or started cannot be cancelled online.
     */
    @Transactional
    public BookingView cancel(Customer customer, UUID bookingId) {
        Instant now = clock.instant();
        Owned booking = owned(customer, bookingId);
        if (booking.status().equals("CANCELLED")) {
            return one(customer, bookingId);
        }
        if (!List.of("CONFIRMED", "HELD").contains(booking.status()) || !booking.start().isAfter(now)) {
            throw new UnprocessableException(ProblemType.BOOKING_RULES,
                    "This booking is " + booking.status().toLowerCase(java.util.Locale.ROOT)
                            + (booking.start().isAfter(now) ? "" : " and has started")
                            + "; it cannot be cancelled online.",
                    List.of());
        }
        Policy policy = policy();
        BigDecimal fee = now.isBefore(booking.start().minus(Duration.ofHours(policy.freeCancellationHours())))
                ? BigDecimal.ZERO
                : booking.price().multiply(BigDecimal.valueOf(policy.lateFeePercent()))
                        .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
        entities.createNativeQuery("""
                update booking set status = 'CANCELLED', cancellation_fee_amount = :fee, updated_at = :now,
                       version = version + 1 where id = :id""")
                .setParameter("fee", fee).setParameter("now", Timestamp.from(now)).setParameter("id", bookingId)
                .executeUpdate();
        release(bookingId);
        BookingView view = one(customer, bookingId);
        journal.record(bookingId, "booking.cancelled", view, BookingJournal.Actor.CUSTOMER, customer.userId(),
                "booking.cancel", now);
        return view;
    }

    /**
     * The customer moves their booking to {@code start}, with the same services and stylists, atomically: either the
     * booking has the new time or it keeps the old one. Allowed until the free-cancellation cut-off.
     */
    @Transactional
    public BookingView reschedule(Customer customer, UUID bookingId, Instant start) {
        Instant now = clock.instant();
        Owned booking = owned(customer, bookingId);
        Policy policy = policy();
        if (!booking.status().equals("CONFIRMED")
                || !now.isBefore(booking.start().minus(Duration.ofHours(policy.freeCancellationHours())))) {
            throw new UnprocessableException(ProblemType.BOOKING_RULES, "This booking can no longer be moved online "
                    + "(it is within " + policy.freeCancellationHours() + " hours of its start, or not confirmed).",
                    List.of());
        }
        if (start.equals(booking.start())) {
            return one(customer, bookingId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select service_id, staff_id from booking_item where booking_id = :id order by position""")
                .setParameter("id", bookingId).getResultList();
        List<BookingRequest.Item> items = rows.stream()
                .map(row -> new BookingRequest.Item((UUID) row[0], (UUID) row[1])).toList();
        release(bookingId);
        BookingRequest request = new BookingRequest(booking.locationId(), start, items, null);
        ZoneId zone = locations.findById(booking.locationId()).orElseThrow().timezone();
        LocalDate date = LocalDate.ofInstant(start, zone);
        AvailabilityQuery query = new AvailabilityQuery(booking.locationId(),
                items.stream().map(BookingRequest.Item::serviceId).toList(), null, date, date);
        AvailabilitySearch.Prepared prepared = search.prepare(query, now);
        List<VisitItem> visit = visit(prepared, request);
        AvailabilityEngine.Slot slot = prepared.engine().check(visit, start, now).orElseThrow(() -> {
            AvailabilitySearch.Prepared rulesOnly = search.prepare(query, now, false);
            return rulesOnly.engine().check(visit(rulesOnly, request), start, now).isEmpty()
                    ? new UnprocessableException(ProblemType.BOOKING_RULES, "That time cannot be booked.",
                            List.of(new FieldError("start", "not bookable")))
                    : new SlotUnavailableException("That time is no longer free.");
        });
        List<BookingView.ItemView> itemViews = one(customer, bookingId).items();
        try {
            entities.createNativeQuery("delete from booking_item where booking_id = :id")
                    .setParameter("id", bookingId).executeUpdate();
            entities.createNativeQuery("""
                    update booking set starts_at = :start, ends_at = :end, updated_at = :now, version = version + 1
                     where id = :id""")
                    .setParameter("start", Timestamp.from(slot.start())).setParameter("end", Timestamp.from(slot.end()))
                    .setParameter("now", Timestamp.from(now)).setParameter("id", bookingId).executeUpdate();
            writeItems(bookingId, visit, slot, itemViews);
        } catch (RuntimeException e) {
            throw slotTakenOr(e);
        }
        BookingView view = one(customer, bookingId);
        journal.record(bookingId, "booking.rescheduled", view, BookingJournal.Actor.CUSTOMER, customer.userId(),
                "booking.reschedule", now);
        return view;
    }

    /** The booking's row, locked for this transaction, if the customer owns it. */
    private record Owned(String status, UUID locationId, Instant start, BigDecimal price) {
    }

    private Owned owned(Customer customer, UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select status, location_id, starts_at, price_amount from booking
                 where id = :id and customer_id = :customer for update""")
                .setParameter("id", bookingId).setParameter("customer", customer.id()).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("booking");
        }
        Object[] row = rows.getFirst();
        return new Owned((String) row[0], (UUID) row[1], instant(row[2]), (BigDecimal) row[3]);
    }

    /** The booking keeps no time any more. */
    private void release(UUID bookingId) {
        entities.createNativeQuery("update staff_busy set active = false where booking_id = :id")
                .setParameter("id", bookingId).executeUpdate();
        entities.createNativeQuery("update resource_busy set active = false where booking_id = :id")
                .setParameter("id", bookingId).executeUpdate();
    }

    /** The tenant's cancellation rules. */
    private record Policy(int freeCancellationHours, int lateFeePercent) {
    }

    private Policy policy() {
        Object[] row = (Object[]) entities.createNativeQuery(
                "select free_cancellation_hours, late_cancellation_fee_percent from booking_policy where id = 1")
                .getSingleResult();
        return new Policy(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }

    private Created replay(String caller, String key, String hash) {
        Object[] row = (Object[]) entities.createNativeQuery("""
                select request_hash, response_status, cast(response_body as text) from idempotency_key
                 where caller = :caller and key = :key""")
                .setParameter("caller", caller).setParameter("key", key).getSingleResult();
        if (!hash.equals(((String) row[0]).strip())) {
            throw new UnprocessableException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with another request.", List.of());
        }
        if (row[1] == null || row[2] == null) {
            throw new IllegalStateException("idempotency key " + key + " has no stored answer");
        }
        return new Created(JSON.readValue((String) row[2], BookingView.class), true);
    }

    private BookingView book(Customer customer, BookingRequest request, Instant now) {
        if (request.items().isEmpty() || request.items().size() > AvailabilityQuery.MAX_SERVICES) {
            throw new InvalidRequestException(List.of(new FieldError("items",
                    "book 1 to " + AvailabilityQuery.MAX_SERVICES + " services")));
        }
        ZoneId zone = locations.findById(request.locationId()).orElseThrow(() -> new NotFoundException("location"))
                .timezone();
        LocalDate date = LocalDate.ofInstant(request.start(), zone);
        AvailabilityQuery query = new AvailabilityQuery(request.locationId(),
                request.items().stream().map(BookingRequest.Item::serviceId).toList(), null, date, date);
        AvailabilitySearch.Prepared prepared = search.prepare(query, now);
        List<VisitItem> visit = visit(prepared, request);
        Optional<AvailabilityEngine.Slot> slot = prepared.engine().check(visit, request.start(), now);
        if (slot.isEmpty()) {
            AvailabilitySearch.Prepared rulesOnly = search.prepare(query, now, false);
            if (rulesOnly.engine().check(visit(rulesOnly, request), request.start(), now).isEmpty()) {
                throw new UnprocessableException(ProblemType.BOOKING_RULES, "That time cannot be booked: it is "
                        + "outside the opening hours or the stylists' shifts, sooner than the lead time, beyond the "
                        + "horizon, or not on the slot grid.", List.of(new FieldError("start", "not bookable")));
            }
            throw new SlotUnavailableException("That time is no longer free.");
        }
        return write(customer, request, prepared, visit, slot.get(), now);
    }

    /** The visit for the engine, each item with its chosen stylist, who must perform the service. */
    private static List<VisitItem> visit(AvailabilitySearch.Prepared prepared, BookingRequest request) {
        List<VisitItem> visit = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            BookingRequest.Item item = request.items().get(i);
            VisitItem engineItem = prepared.visit().get(i);
            if (item.staffId() != null && prepared.services().get(item.serviceId()).performers().stream()
                    .noneMatch(p -> p.staffId().equals(item.staffId()))) {
                errors.add(new FieldError("items[" + i + "].staffId", "this stylist does not perform the service"));
            }
            visit.add(new VisitItem(engineItem.service(), item.staffId()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return visit;
    }

    private BookingView write(Customer customer, BookingRequest request, AvailabilitySearch.Prepared prepared,
            List<VisitItem> visit, AvailabilityEngine.Slot slot, Instant now) {
        UUID bookingId = UUID.randomUUID();
        List<BookingView.ItemView> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        for (Assignment assignment : slot.assignments()) {
            SalonService service = prepared.services().get(assignment.serviceId());
            BigDecimal price = service.performers().stream().filter(p -> p.staffId().equals(assignment.staffId()))
                    .map(Performer::priceAmount).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(service.priceAmount());
            total = total.add(price);
            currency = service.currency().getCurrencyCode();
            items.add(new BookingView.ItemView(assignment.serviceId().toString(), assignment.staffId().toString(),
                    assignment.start(), assignment.end(), price));
        }
        try {
            entities.createNativeQuery("""
                    insert into booking (id, customer_id, location_id, status, source, starts_at, ends_at,
                                         price_amount, price_currency, note, created_at, updated_at)
                    values (:id, :customer, :location, 'CONFIRMED', 'ONLINE', :start, :end, :price, :currency,
                            :note, :now, :now)""")
                    .setParameter("id", bookingId).setParameter("customer", customer.id())
                    .setParameter("location", request.locationId())
                    .setParameter("start", Timestamp.from(slot.start())).setParameter("end", Timestamp.from(slot.end()))
                    .setParameter("price", total).setParameter("currency", currency)
                    .setParameter("note", request.note()).setParameter("now", Timestamp.from(now)).executeUpdate();
            writeItems(bookingId, visit, slot, items);
        } catch (RuntimeException e) {
            throw slotTakenOr(e);
        }
        BookingView view = new BookingView(bookingId.toString(), "CONFIRMED", request.locationId().toString(),
                slot.start(), slot.end(), items, new BookingView.PriceView(total, currency), request.note(), null);
        journal.record(bookingId, "booking.confirmed", view, BookingJournal.Actor.CUSTOMER, customer.userId(),
                "booking.create", now);
        return view;
    }

    /**
     * The booking's items and the busy stretches they keep (buffers included, processing time out, one stylist's
     * consecutive services of the visit joined without buffers between them). An overlap with another active
     * stretch is refused by the schema, here as by any other path.
     */
    private void writeItems(UUID bookingId, List<VisitItem> visit, AvailabilityEngine.Slot slot,
            List<BookingView.ItemView> items) {
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
                    .setParameter("price", items.get(i).price()).executeUpdate();
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

    /** A write refused by the exclusion constraints is a taken slot; anything else goes on as it is. */
    private static RuntimeException slotTakenOr(RuntimeException e) {
        return isExclusionViolation(e) ? new SlotUnavailableException("That time is no longer free.") : e;
    }

    private void busy(String table, String column, UUID itemId, UUID bookingId, UUID who, Interval during) {
        entities.createNativeQuery("""
                insert into %s (booking_item_id, booking_id, %s, starts_at, ends_at, active)
                values (:item, :booking, :who, :start, :end, true)""".formatted(table, column))
                .setParameter("item", itemId).setParameter("booking", bookingId).setParameter("who", who)
                .setParameter("start", Timestamp.from(during.start())).setParameter("end", Timestamp.from(during.end()))
                .executeUpdate();
    }

    private static boolean isExclusionViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
