package dev.atelier.platform.booking;

import static dev.atelier.platform.persistence.SqlValues.instant;

import dev.atelier.platform.scheduling.AvailabilityQuery;
import dev.atelier.platform.scheduling.AvailabilitySearch;
import dev.atelier.platform.scheduling.AvailabilitySearch.Rules;
import dev.atelier.platform.scheduling.LocationCalendar;
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
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mechanics every booking path shares, in the caller's transaction: idempotency keys, checking a visit against
 * the same engine that lists availability, writing it with the busy stretches the schema's exclusion constraints
 * keep from ever overlapping an active one, moving and releasing it, and expiring holds whose time ran out.
 */
@Component
class BookingLedger {

    /** How a booking is made: its first status, where it came from, and whose rules it is checked under. */
    enum Kind {
        ONLINE("CONFIRMED", "ONLINE", Rules.ONLINE),
        HOLD("HELD", "ONLINE", Rules.ONLINE),
        FRONT_DESK("CONFIRMED", "STAFF", Rules.FRONT_DESK),
        WALK_IN("CHECKED_IN", "WALK_IN", Rules.FRONT_DESK);

        final String status;
        final String source;
        final Rules rules;

        Kind(String status, String source, Rules rules) {
            this.status = status;
            this.source = source;
            this.rules = rules;
        }
    }

    /** Who a booking is for: a customer of the tenant, or a guest the front desk names. */
    record Party(UUID customerId, String guestName) {
        Party {
            if (customerId == null && (guestName == null || guestName.isBlank())) {
                throw new IllegalArgumentException("a booking is for a customer or a named guest");
            }
        }
    }

    /** A booking's row, locked for the transaction. */
    record Locked(UUID id, String status, UUID locationId, Instant start, BigDecimal price, Instant holdExpiresAt) {
    }

    /** The tenant's booking rules that are not about time. */
    record Policy(int freeCancellationHours, int lateFeePercent, int holdMinutes) {
    }

    /** Exclusion violation, deadlock, serialisation failure. */
    private static final java.util.Set<String> LOST_RACE = java.util.Set.of("23P01", "40P01", "40001");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AvailabilitySearch search;
    private final EntityManager entities;
    private final BookingJournal journal;

    BookingLedger(AvailabilitySearch search, EntityManager entities, BookingJournal journal) {
        this.search = search;
        this.entities = entities;
        this.journal = journal;
    }

    /**
     * Claims {@code key} for {@code caller} and the request; empty when it is new (the caller goes on and then
     * {@link #answer}s), else the first answer again. The same key with another request is refused.
     */
    Optional<BookingView> claim(String caller, String key, String request, Instant now) {
        String hash = sha256(request);
        int claimed = entities.createNativeQuery("""
                insert into idempotency_key (caller, key, request_hash, created_at)
                values (:caller, :key, :hash, :now) on conflict do nothing""")
                .setParameter("caller", caller).setParameter("key", key).setParameter("hash", hash)
                .setParameter("now", Timestamp.from(now)).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
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
        return Optional.of(JSON.readValue((String) row[2], BookingView.class));
    }

    /** Stores the first answer to {@code key}. */
    void answer(String caller, String key, BookingView booking) {
        entities.createNativeQuery("""
                update idempotency_key set response_status = 201, response_body = cast(:body as jsonb)
                 where caller = :caller and key = :key""")
                .setParameter("body", JSON.writeValueAsString(booking)).setParameter("caller", caller)
                .setParameter("key", key).executeUpdate();
    }

    /**
     * Books {@code request} for {@code party} as {@code kind}: 422 when the rules do not allow that time, 409 when it
     * is taken (found by the engine, or refused by the constraints to whoever loses a race).
     */
    BookingView place(Party party, BookingRequest request, Kind kind, Instant now) {
        if (request.items().isEmpty() || request.items().size() > AvailabilityQuery.MAX_SERVICES) {
            throw new InvalidRequestException(List.of(new FieldError("items",
                    "book 1 to " + AvailabilityQuery.MAX_SERVICES + " services")));
        }
        Checked checked = check(request, kind.rules, now);
        lockPeople(assigned(checked, a -> List.of(a.staffId())), assigned(checked, Assignment::resourceIds));
        UUID bookingId = UUID.randomUUID();
        List<BookingView.ItemView> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        for (Assignment assignment : checked.slot().assignments()) {
            LocationCalendar.Offer service = checked.prepared().services().get(assignment.serviceId());
            BigDecimal price = service.priceBy(assignment.staffId());
            total = total.add(price);
            currency = service.currency().getCurrencyCode();
            items.add(new BookingView.ItemView(assignment.serviceId().toString(), assignment.staffId().toString(),
                    assignment.start(), assignment.end(), price));
        }
        Instant holdExpiresAt = kind == Kind.HOLD ? now.plus(Duration.ofMinutes(policy().holdMinutes())) : null;
        if (checked.prepared().lapsedHolds()) {
            expireOverdueHolds(now);
        }
        try {
            entities.createNativeQuery("""
                    insert into booking (id, customer_id, guest_name, location_id, status, source, starts_at, ends_at,
                                         hold_expires_at, price_amount, price_currency, note, created_at, updated_at)
                    values (:id, :customer, :guest, :location, :status, :source, :start, :end, :expires, :price,
                            :currency, :note, :now, :now)""")
                    .setParameter("id", bookingId).setParameter("customer", party.customerId())
                    .setParameter("guest", party.guestName()).setParameter("location", request.locationId())
                    .setParameter("status", kind.status).setParameter("source", kind.source)
                    .setParameter("start", Timestamp.from(checked.slot().start()))
                    .setParameter("end", Timestamp.from(checked.slot().end()))
                    .setParameter("expires", holdExpiresAt == null ? null : Timestamp.from(holdExpiresAt))
                    .setParameter("price", total).setParameter("currency", currency)
                    .setParameter("note", request.note()).setParameter("now", Timestamp.from(now)).executeUpdate();
            writeItems(bookingId, checked.visit(), checked.slot(), items);
        } catch (RuntimeException e) {
            throw slotTakenOr(e);
        }
        return new BookingView(bookingId.toString(), kind.status, request.locationId().toString(),
                checked.slot().start(), checked.slot().end(), items, new BookingView.PriceView(total, currency),
                request.note(), null, holdExpiresAt);
    }

    /**
     * Moves the locked booking to {@code start} under {@code rules}, with the same services and, unless
     * {@code staffIds} names others (one per item, null for "keep"), the same stylists; prices stay as agreed.
     * Either the booking has the new time or, on a refusal, it keeps the old one.
     */
    void move(Locked booking, Instant start, List<UUID> staffIds, Rules rules, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select service_id, staff_id, price_amount from booking_item where booking_id = :id order by position""")
                .setParameter("id", booking.id()).getResultList();
        if (staffIds != null && staffIds.size() != rows.size()) {
            throw new InvalidRequestException(List.of(new FieldError("items",
                    "name a stylist (or null) for each of the booking's " + rows.size() + " services, in order")));
        }
        List<BookingRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            UUID staff = staffIds == null || staffIds.get(i) == null ? (UUID) rows.get(i)[1] : staffIds.get(i);
            items.add(new BookingRequest.Item((UUID) rows.get(i)[0], staff));
        }
        List<UUID> staffBefore = rows.stream().map(row -> (UUID) row[1]).toList();
        List<UUID> staffAfter = items.stream().map(BookingRequest.Item::staffId).toList();
        lockPeople(java.util.stream.Stream.concat(staffBefore.stream(), staffAfter.stream()).toList(), List.of());
        release(booking.id());
        Checked checked = check(new BookingRequest(booking.locationId(), start, items, null), rules, now);
        lockPeople(List.of(), java.util.stream.Stream.concat(resourcesOf(booking.id()).stream(),
                assigned(checked, Assignment::resourceIds).stream()).toList());
        if (checked.prepared().lapsedHolds()) {
            expireOverdueHolds(now);
        }
        try {
            entities.createNativeQuery("delete from booking_item where booking_id = :id")
                    .setParameter("id", booking.id()).executeUpdate();
            entities.createNativeQuery("""
                    update booking set starts_at = :start, ends_at = :end, updated_at = :now, version = version + 1
                     where id = :id""")
                    .setParameter("start", Timestamp.from(checked.slot().start()))
                    .setParameter("end", Timestamp.from(checked.slot().end()))
                    .setParameter("now", Timestamp.from(now)).setParameter("id", booking.id()).executeUpdate();
            List<BookingView.ItemView> prices = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Assignment assignment = checked.slot().assignments().get(i);
                prices.add(new BookingView.ItemView(null, null, assignment.start(), assignment.end(),
                        (BigDecimal) rows.get(i)[2]));
            }
            writeItems(booking.id(), checked.visit(), checked.slot(), prices);
        } catch (RuntimeException e) {
            throw slotTakenOr(e);
        }
    }

    /**
     * Makes a held booking confirmed. While the hold lasts its time is kept; after it ran out the visit is checked
     * again like a new booking (the rules as they are now: shifts, closures, time off, lead time; 422 if they refuse)
     * and takes its time back only if it is still free (the constraints decide, 409 otherwise) — a late
     * confirmation never double books nor slips past the rules.
     */
    void confirmHold(Locked booking, Instant now) {
        if (!booking.start().isAfter(now)) {
            throw new UnprocessableException(ProblemType.BOOKING_RULES,
                    "This booking's time has passed; it cannot be confirmed.", List.of());
        }
        if (booking.status().equals("HELD") && booking.holdExpiresAt().isAfter(now)) {
            setStatus(booking.id(), "CONFIRMED", now);
            return;
        }
        @SuppressWarnings("unchecked")
        List<UUID> staffOfHold = entities.createNativeQuery("select staff_id from booking_item where booking_id = :id")
                .setParameter("id", booking.id()).getResultList();
        lockPeople(staffOfHold, resourcesOf(booking.id()));
        release(booking.id());
        expireOverdueHolds(now, booking.id());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select service_id, staff_id from booking_item where booking_id = :id order by position""")
                .setParameter("id", booking.id()).getResultList();
        check(new BookingRequest(booking.locationId(), booking.start(),
                rows.stream().map(row -> new BookingRequest.Item((UUID) row[0], (UUID) row[1])).toList(), null),
                Rules.ONLINE, now);
        try {
            entities.createNativeQuery("update staff_busy set active = true where booking_id = :id")
                    .setParameter("id", booking.id()).executeUpdate();
            entities.createNativeQuery("update resource_busy set active = true where booking_id = :id")
                    .setParameter("id", booking.id()).executeUpdate();
            entities.flush();
        } catch (RuntimeException e) {
            throw slotTakenOr(e);
        }
        setStatus(booking.id(), "CONFIRMED", now);
    }

    /**
     * Every hold whose time ran out becomes {@code EXPIRED} and frees its time, with an event and an audit entry;
     * holds another transaction is expiring at the same moment are left to it.
     */
    int expireOverdueHolds(Instant now) {
        return expireOverdueHolds(now, null);
    }

    /** As {@link #expireOverdueHolds(Instant)}, leaving out {@code except} (a hold being confirmed late). */
    private int expireOverdueHolds(Instant now, UUID except) {
        @SuppressWarnings("unchecked")
        List<UUID> expired = entities.createNativeQuery("""
                select id from booking where status = 'HELD' and hold_expires_at <= :now
                   and (cast(:except as uuid) is null or id <> :except) for update skip locked""")
                .setParameter("now", Timestamp.from(now)).setParameter("except", except).getResultList();
        for (UUID id : expired) {
            setStatus(id, "EXPIRED", now);
            release(id);
            journal.record(id, "booking.expired", Map.of("id", id.toString(), "status", "EXPIRED"),
                    BookingJournal.Actor.SYSTEM, null, "booking.expire", now);
        }
        return expired.size();
    }

    /** The booking, locked, if it exists (and belongs to {@code customerId} when that is given). */
    Locked lock(UUID bookingId, UUID customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select status, location_id, starts_at, price_amount, hold_expires_at from booking
                 where id = :id and (cast(:customer as uuid) is null or customer_id = :customer) for update""")
                .setParameter("id", bookingId).setParameter("customer", customerId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("booking");
        }
        Object[] row = rows.getFirst();
        return new Locked(bookingId, (String) row[0], (UUID) row[1], instant(row[2]), (BigDecimal) row[3],
                row[4] == null ? null : instant(row[4]));
    }

    /** Cancels the locked booking with {@code fee} and frees its time. */
    void cancel(Locked booking, BigDecimal fee, Instant now) {
        entities.createNativeQuery("""
                update booking set status = 'CANCELLED', cancellation_fee_amount = :fee, hold_expires_at = null,
                       updated_at = :now, version = version + 1 where id = :id""")
                .setParameter("fee", fee).setParameter("now", Timestamp.from(now)).setParameter("id", booking.id())
                .executeUpdate();
        release(booking.id());
    }

    /** The policy's fee for cancelling {@code booking} at {@code now}: nothing before the cut-off or for a hold. */
    BigDecimal lateFee(Locked booking, Policy policy, Instant now) {
        if (booking.status().equals("HELD")
                || now.isBefore(booking.start().minus(Duration.ofHours(policy.freeCancellationHours())))) {
            return BigDecimal.ZERO;
        }
        return booking.price().multiply(BigDecimal.valueOf(policy.lateFeePercent())).divide(BigDecimal.valueOf(100), 2,
                RoundingMode.HALF_UP);
    }

    Policy policy() {
        Object[] row = (Object[]) entities.createNativeQuery("""
                select free_cancellation_hours, late_cancellation_fee_percent, hold_minutes
                  from booking_policy where id = 1""").getSingleResult();
        return new Policy(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), ((Number) row[2]).intValue());
    }

    /** Bookings as the APIs show them: one, or a customer's (newest first). */
    List<BookingView> views(UUID customerId, UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select b.id, b.status, b.location_id, b.starts_at, b.ends_at, b.price_amount, b.price_currency, b.note,
                       i.service_id, i.staff_id, i.starts_at, i.ends_at, i.price_amount, b.cancellation_fee_amount,
                       b.hold_expires_at
                  from booking b join booking_item i on i.booking_id = b.id
                 where (cast(:customer as uuid) is null or b.customer_id = :customer)
                   and (cast(:booking as uuid) is null or b.id = :booking)
                 order by b.starts_at desc, b.id, i.position""").setParameter("customer", customerId)
                .setParameter("booking", bookingId).getResultList();
        Map<UUID, Object[]> bookings = new LinkedHashMap<>();
        Map<UUID, List<BookingView.ItemView>> items = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            bookings.putIfAbsent(id, row);
            items.computeIfAbsent(id, key -> new ArrayList<>()).add(new BookingView.ItemView(row[8].toString(),
                    row[9].toString(), instant(row[10]), instant(row[11]), (BigDecimal) row[12]));
        }
        List<BookingView> views = new ArrayList<>();
        bookings.forEach((id, row) -> views.add(new BookingView(id.toString(), (String) row[1], row[2].toString(),
                instant(row[3]), instant(row[4]), List.copyOf(items.get(id)),
                new BookingView.PriceView((BigDecimal) row[5], ((String) row[6]).strip()), (String) row[7],
                (BigDecimal) row[13], row[14] == null ? null : instant(row[14]))));
        return views;
    }

    BookingView view(UUID bookingId) {
        return views(null, bookingId).stream().findFirst().orElseThrow(() -> new NotFoundException("booking"));
    }

    /** Sets the status (a hold's expiry goes with any status but {@code HELD}). */
    void setStatus(UUID bookingId, String status, Instant now) {
        entities.createNativeQuery("""
                update booking set status = :status, updated_at = :now, version = version + 1,
                       hold_expires_at = case when :status = 'HELD' then hold_expires_at end
                 where id = :id""")
                .setParameter("status", status).setParameter("now", Timestamp.from(now))
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
     * Takes this transaction's turn at the stylists' and resources' diaries, always in one order (stylists by id,
     * then resources by id), before any of their busy stretches are written. Two bookings of the same people then
     * queue instead of each waiting for the other's uncommitted stretch (a deadlock PostgreSQL would break by
     * failing one); bookings of different people do not wait at all. Overlaps are still refused by the exclusion
     * constraints alone.
     */
    private void lockPeople(List<UUID> staff, List<UUID> resources) {
        List<String> keys = new ArrayList<>();
        staff.stream().filter(Objects::nonNull).distinct().sorted().forEach(id -> keys.add("staff:" + id));
        resources.stream().filter(Objects::nonNull).distinct().sorted().forEach(id -> keys.add("resource:" + id));
        for (String key : keys) {
            entities.createNativeQuery("select cast(pg_advisory_xact_lock(hashtextextended(:key, 0)) as text)")
                    .setParameter("key", key).getSingleResult();
        }
    }

    private static List<UUID> assigned(Checked checked,
            java.util.function.Function<Assignment, List<UUID>> people) {
        return checked.slot().assignments().stream().flatMap(a -> people.apply(a).stream()).toList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> resourcesOf(UUID bookingId) {
        return entities.createNativeQuery("select resource_id from resource_busy where booking_id = :id")
                .setParameter("id", bookingId).getResultList();
    }

    /** A visit the engine accepted at the requested start. */
    private record Checked(AvailabilitySearch.Prepared prepared, List<VisitItem> visit, AvailabilityEngine.Slot slot) {
    }

    /**
     * Whether {@code request} fits at its start under {@code rules}: 409 if only taken time stands in the way, 422
     * if the rules themselves refuse it (asked once more, without taken time, only on a refusal).
     */
    private Checked check(BookingRequest request, Rules rules, Instant now) {
        List<UUID> services = request.items().stream().map(BookingRequest.Item::serviceId).toList();
        AvailabilitySearch.Prepared prepared = search.prepareAt(request.locationId(), services, request.start(), now,
                true, rules);
        List<VisitItem> visit = visit(prepared, request);
        Optional<AvailabilityEngine.Slot> slot = prepared.engine().check(visit, request.start(), now);
        if (slot.isPresent()) {
            return new Checked(prepared, visit, slot.get());
        }
        AvailabilitySearch.Prepared rulesOnly = search.prepareAt(request.locationId(), services, request.start(), now,
                false, rules);
        if (rulesOnly.engine().check(visit(rulesOnly, request), request.start(), now).isEmpty()) {
            throw new UnprocessableException(ProblemType.BOOKING_RULES, "That time cannot be booked: it is outside "
                    + "the opening hours or the stylists' shifts, sooner than the lead time, beyond the horizon, or "
                    + "not on the slot grid.", List.of(new FieldError("start", "not bookable")));
        }
        throw new SlotUnavailableException("That time is no longer free.");
    }

    /** The visit for the engine, each item with its chosen stylist, who must perform the service. */
    private static List<VisitItem> visit(AvailabilitySearch.Prepared prepared, BookingRequest request) {
        List<VisitItem> visit = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            BookingRequest.Item item = request.items().get(i);
            VisitItem engineItem = prepared.visit().get(i);
            if (item.staffId() != null
                    && !prepared.services().get(item.serviceId()).performers().contains(item.staffId())) {
                errors.add(new FieldError("items[" + i + "].staffId", "this stylist does not perform the service"));
            }
            visit.add(new VisitItem(engineItem.service(), item.staffId()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return visit;
    }

    /**
     * The booking's items and the busy stretches they keep (buffers included, processing time out, one stylist's
     * consecutive services of the visit joined without buffers between them). An overlap with another active
     * stretch is refused by the schema, here as by any other path.
     */
    private void writeItems(UUID bookingId, List<VisitItem> visit, AvailabilityEngine.Slot slot,
            List<BookingView.ItemView> prices) {
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
                    .setParameter("price", prices.get(i).price()).executeUpdate();
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
    private static RuntimeException slotTakenOr(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOST_RACE.contains(sql.getSQLState())) {
                return new SlotUnavailableException("That time is no longer free.");
            }
        }
        return e;
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
