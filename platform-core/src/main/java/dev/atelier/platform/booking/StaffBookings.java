package dev.atelier.platform.booking;

import dev.atelier.platform.booking.model.Booking;
import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.BookingSource;
import dev.atelier.platform.booking.model.BookingStatus;
import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.customers.CustomerRepository;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.scheduling.AvailabilitySearch.Rules;
import dev.atelier.platform.scheduling.CalendarLimits;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * A booking in the diary, with who it is for and the salon's resources (chairs, basins, rooms) its items hold while
     * it stands.
     */
    public record DiaryEntry(String id, BookingStatus status, BookingSource source, String locationId, Instant start,
            Instant end,
            Client customer, List<BookingView.ItemView> items, BookingView.PriceView price, String note,
            List<ResourceTime> resources) {

        public record Client(String id, String name, String email, String phone) {
        }

        /** The resource {@code resourceId} held for the booking's item at index {@code item}, from start to end. */
        public record ResourceTime(String resourceId, int item, Instant start, Instant end) {
        }
    }

    /** The most days one diary question may span. */
    public static final int MAX_DAYS = 62;

    /** The steps the salon takes a booking through, by their names in the API. */
    private static final Map<String, BookingStatus> STEPS = Map.of(
            "check-in", BookingStatus.CHECKED_IN,
            "complete", BookingStatus.COMPLETED,
            "no-show", BookingStatus.NO_SHOW);

    /** Who the front desk books for: a customer of the chain by id, or a guest by name. */
    public record Client(UUID customerId, String guestName) {
    }

    /** What a creation answered: 201 and the booking (the first time or replayed). */
    public record Created(DiaryEntry booking, boolean replayed) {
    }

    private final LocationRepository locations;
    private final CustomerRepository customers;
    private final IdempotencyKeys keys;
    private final BookingPlacement placement;
    private final BookingMoves moves;
    private final StatusChanges changes;
    private final BookingRows rows;
    private final BookingReads reads;
    private final BookingPolicyRepository policies;
    private final BookingJournal journal;
    private final Clock clock;

    StaffBookings(LocationRepository locations, CustomerRepository customers,
            IdempotencyKeys keys, BookingPlacement placement, BookingMoves moves, StatusChanges changes,
            BookingRows rows, BookingReads reads, BookingPolicyRepository policies, BookingJournal journal,
            Clock clock) {
        this.locations = locations;
        this.customers = customers;
        this.keys = keys;
        this.placement = placement;
        this.moves = moves;
        this.changes = changes;
        this.rows = rows;
        this.reads = reads;
        this.policies = policies;
        this.journal = journal;
        this.clock = clock;
    }

    /** Books a client in for a later time (phone or front desk), confirmed at once; idempotent per staff member. */
    @Transactional
    public Created book(String staffUserId, String idempotencyKey, Client client, BookingRequest request) {
        return make(staffUserId, idempotencyKey, client, request, BookingPlacement.Kind.FRONT_DESK, clock.instant());
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
                BookingPlacement.Kind.WALK_IN, now);
    }

    private Created make(String staffUserId, String idempotencyKey, Client client, BookingRequest request,
            BookingPlacement.Kind kind, Instant now) {
        String caller = "staff:" + staffUserId;
        String canonical = kind.name() + "|" + client.customerId() + "|" + client.guestName() + "|"
                + (kind == BookingPlacement.Kind.WALK_IN
                        ? new BookingRequest(request.locationId(), Instant.EPOCH, request.items(), request.note())
                        : request).canonical();
        Optional<BookingView> first = keys.claim(caller, idempotencyKey, canonical, now);
        if (first.isPresent()) {
            return new Created(entry(UUID.fromString(first.get().id())), true);
        }
        if (client.customerId() != null && customers.findById(client.customerId()).isEmpty()) {
            throw new NotFoundException("customer");
        }
        BookingView booking = placement.place(new BookingPlacement.Party(client.customerId(),
                client.customerId() == null ? client.guestName().strip() : null), request, kind, now);
        keys.answer(caller, idempotencyKey, booking);
        UUID id = UUID.fromString(booking.id());
        journal.record(id, kind == BookingPlacement.Kind.WALK_IN ? "booking.checked_in" : "booking.confirmed", booking,
                BookingJournal.Actor.STAFF, staffUserId,
                kind == BookingPlacement.Kind.WALK_IN ? "booking.walk-in" : "booking.create", now);
        return new Created(entry(id), false);
    }

    /**
     * The salon cancels a visit; the policy's late fee applies only when {@code chargeFee} (the client cancelled
     * late), otherwise nothing is owed. Its time is freed at once; cancelling twice answers the booking again.
     */
    @Transactional
    public DiaryEntry cancel(UUID bookingId, boolean chargeFee, String reason, String staffUserId) {
        Instant now = clock.instant();
        Booking booking = rows.lock(bookingId, null);
        if (booking.status() != BookingStatus.CANCELLED) {
            if (!booking.status().mayBecome(BookingStatus.CANCELLED)) {
                throw new BookingRefusedException("A " + booking.status().word() + " booking cannot be cancelled.");
            }
            Money fee = chargeFee
                    ? booking.cancellationFeeAt(policies.require().cancellation(), now)
                    : Money.zero(booking.price().currency());
            changes.cancel(booking, fee, now);
            journal.record(bookingId, "booking.cancelled", reads.view(bookingId), BookingJournal.Actor.STAFF,
                    staffUserId, "booking.cancel", now, reason == null || reason.isBlank()
                            ? Map.of()
                            : Map.of("reason", reason.strip(), "feeCharged", Boolean.toString(chargeFee)));
        }
        return entry(bookingId);
    }

    /**
     * Moves a confirmed visit to {@code start}, optionally to other stylists ({@code staffIds}, one per item in
     * order, null to keep), at any time before it starts; atomically. A service given to another stylist takes that
     * stylist's price (see {@link BookingMoves#move}).
     */
    @Transactional
    public DiaryEntry reschedule(UUID bookingId, Instant start, List<UUID> staffIds, String staffUserId) {
        Instant now = clock.instant();
        Booking booking = rows.lock(bookingId, null);
        if (!booking.salonMayMoveAt(now)) {
            throw new BookingRefusedException("Only a confirmed booking that has not started can be moved; this one is "
                    + booking.status().word() + ".");
        }
        BookingMoves.Moved moved = moves.move(booking, start, staffIds, Rules.FRONT_DESK, now);
        journal.record(bookingId, "booking.rescheduled", reads.view(bookingId), BookingJournal.Actor.STAFF,
                staffUserId, "booking.reschedule", now, moved.details());
        return entry(bookingId);
    }

    /** One booking as the diary shows it. */
    @Transactional(readOnly = true)
    public DiaryEntry entry(UUID bookingId) {
        List<DiaryEntry> found = reads.diary(null, null, null, null, bookingId);
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
        return reads.diary(from, to, locationId, staffId, null);
    }

    /**
     * Moves a booking on: {@code check-in} (the client is here), {@code complete}, {@code no-show} (after its
     * start only). Each writes an outbox event and an audit entry with who did it.
     */
    @Transactional
    public void advance(UUID bookingId, String action, String staffUserId) {
        BookingStatus next = STEPS.get(action);
        Booking booking = rows.lock(bookingId, null);
        Instant now = clock.instant();
        if (!booking.mayBecomeAt(next, now)) {
            throw new BookingRefusedException("A " + booking.status().word() + " booking cannot be marked " + action
                    + (next == BookingStatus.NO_SHOW ? " before it starts" : ""));
        }
        changes.advance(booking, next, now);
        journal.record(bookingId, "booking." + next.word(), Map.of("id", bookingId.toString(), "status", next.name()),
                BookingJournal.Actor.STAFF, staffUserId, "booking." + action, now);
    }
}
