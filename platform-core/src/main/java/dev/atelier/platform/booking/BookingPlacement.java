package dev.atelier.platform.booking;

import dev.atelier.platform.booking.model.BookingRefusedException;
import dev.atelier.platform.booking.model.BookingSource;
import dev.atelier.platform.booking.model.BookingStatus;
import dev.atelier.platform.booking.model.SlotUnavailableException;
import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.model.DepositRule;
import dev.atelier.platform.scheduling.AvailabilityQuery;
import dev.atelier.platform.scheduling.AvailabilitySearch.Rules;
import dev.atelier.platform.scheduling.LocationCalendar;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.Assignment;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Places new bookings, in the caller's transaction, on every path that makes one: online, hold, front desk, walk-in. */
@Component
class BookingPlacement {

    /** How a booking is made: its first status, where it came from, and whose rules it is checked under. */
    enum Kind {
        ONLINE(BookingStatus.CONFIRMED, BookingSource.ONLINE, Rules.ONLINE),
        HOLD(BookingStatus.HELD, BookingSource.ONLINE, Rules.ONLINE),
        FRONT_DESK(BookingStatus.CONFIRMED, BookingSource.STAFF, Rules.FRONT_DESK),
        WALK_IN(BookingStatus.CHECKED_IN, BookingSource.WALK_IN, Rules.FRONT_DESK);

        final BookingStatus status;
        final BookingSource source;
        final Rules rules;

        Kind(BookingStatus status, BookingSource source, Rules rules) {
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

    private final VisitCheck visits;
    private final BookedTime time;
    private final BookingRows rows;
    private final StatusChanges changes;
    private final BookingPolicyRepository policies;
    private final SalonServiceRepository services;

    BookingPlacement(VisitCheck visits, BookedTime time, BookingRows rows, StatusChanges changes,
            BookingPolicyRepository policies, SalonServiceRepository services) {
        this.visits = visits;
        this.time = time;
        this.rows = rows;
        this.changes = changes;
        this.policies = policies;
        this.services = services;
    }

    /**
     * Books {@code request} for {@code party} as {@code kind}.
     *
     * @throws BookingRefusedException when the rules do not allow that time
     * @throws SlotUnavailableException when it is taken (found by the engine, or refused by the constraints to
     *         whoever loses a race)
     */
    BookingView place(Party party, BookingRequest request, Kind kind, Instant now) {
        if (request.items().isEmpty() || request.items().size() > AvailabilityQuery.MAX_SERVICES) {
            throw new InvalidRequestException(List.of(new FieldError("items",
                    "book 1 to " + AvailabilityQuery.MAX_SERVICES + " services")));
        }
        VisitCheck.Checked checked = visits.check(request, kind.rules, now);
        time.lockPeople(checked.assigned(a -> List.of(a.staffId())), checked.assigned(Assignment::resourceIds));
        UUID bookingId = UUID.randomUUID();
        List<BookingView.ItemView> items = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        Map<UUID, DepositRule> deposits = kind.source == BookingSource.ONLINE ? depositRules(checked) : Map.of();
        Money deposit = null;
        for (Assignment assignment : checked.slot().assignments()) {
            LocationCalendar.Offer service = checked.prepared().services().get(assignment.serviceId());
            BigDecimal price = service.priceBy(assignment.staffId());
            total = total.add(price);
            currency = service.currency().getCurrencyCode();
            Money due = deposits.getOrDefault(assignment.serviceId(), new DepositRule.None())
                    .dueNow(Money.of(price, service.currency()));
            deposit = deposit == null ? due : deposit.plus(due);
            items.add(new BookingView.ItemView(assignment.serviceId().toString(), assignment.staffId().toString(),
                    assignment.start(), assignment.end(), price));
        }
        // paid ahead online: the booking waits for its payment, its time kept like a hold's
        BookingStatus status = kind == Kind.ONLINE && !deposit.isZero() ? BookingStatus.PENDING_PAYMENT : kind.status;
        Instant holdExpiresAt = status.keepsTimeUntilExpiry()
                ? now.plus(Duration.ofMinutes(policies.require().settings().holdMinutes()))
                : null;
        if (checked.prepared().lapsedHolds()) {
            changes.expireOverdueHolds(now);
        }
        try {
            rows.insert(new BookingRows.NewRow(bookingId, party.customerId(), party.guestName(), request.locationId(),
                    status, kind.source, checked.slot().start(), checked.slot().end(), holdExpiresAt, total,
                    currency, deposit, request.note()), now);
            time.write(bookingId, checked.visit(), checked.slot(),
                    items.stream().map(BookingView.ItemView::price).toList());
        } catch (RuntimeException e) {
            throw BookedTime.takenOr(e);
        }
        return new BookingView(bookingId.toString(), status.name(), request.locationId().toString(),
                checked.slot().start(), checked.slot().end(), items, new BookingView.PriceView(total, currency),
                request.note(), null, holdExpiresAt, BookingView.PaymentView.of(deposit, Money.zero(deposit.currency()),
                        Money.zero(deposit.currency())));
    }

    /** What each of the visit's services asks to be paid ahead, as the catalog says now. */
    private Map<UUID, DepositRule> depositRules(VisitCheck.Checked checked) {
        Map<UUID, DepositRule> rules = new HashMap<>();
        for (SalonService service : services.findAllById(checked.prepared().services().keySet())) {
            rules.put(service.id(), service.deposit());
        }
        return rules;
    }
}
