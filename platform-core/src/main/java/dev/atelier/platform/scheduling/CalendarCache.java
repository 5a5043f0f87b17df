package dev.atelier.platform.scheduling;

import static dev.atelier.platform.persistence.SqlValues.instant;
import static dev.atelier.platform.persistence.SqlValues.localDate;

import dev.atelier.platform.catalog.Location;
import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.OpeningHours;
import dev.atelier.platform.catalog.Performer;
import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.scheduling.availability.Calendars;
import dev.atelier.platform.scheduling.availability.DailySpan;
import dev.atelier.platform.scheduling.availability.Interval;
import dev.atelier.platform.scheduling.availability.WeeklySpan;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantId;
import dev.atelier.platform.web.NotFoundException;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each location's calendar (see {@link LocationCalendar}), kept per tenant and location and trusted while the
 * tenant's {@code calendar_version} stands still: a request reads that one number, and reads the calendar again only
 * after something it is made of changed (the schema's triggers move the number in the same transaction as the
 * change, whichever app made it). Callers are inside a transaction of the tenant.
 */
@Component
public class CalendarCache {

    /** More entries than this (tenants × locations) and the cache starts afresh, so it stays bounded. */
    static final int MAX_ENTRIES = 20_000;
    /** Time-bound parts are read from this long before the moment of reading. */
    private static final Duration LOOK_BACK = Duration.ofDays(3);

    private record Key(TenantId tenant, UUID location) {
    }

    /** Marks a transaction that has read a calendar. */
    private static final Object LOADED = new Object();

    private final Map<Key, LocationCalendar> calendars = new ConcurrentHashMap<>();
    private final LocationRepository locations;
    private final SalonServiceRepository services;
    private final MembershipRepository staff;
    private final StaffShiftRepository shifts;
    private final TimeOffRepository timeOff;
    private final EntityManager entities;
    private final Clock clock;

    public CalendarCache(LocationRepository locations, SalonServiceRepository services, MembershipRepository staff,
            StaffShiftRepository shifts, TimeOffRepository timeOff, EntityManager entities, Clock clock) {
        this.locations = locations;
        this.services = services;
        this.staff = staff;
        this.shifts = shifts;
        this.timeOff = timeOff;
        this.entities = entities;
        this.clock = clock;
    }

    /** The calendar of {@code locationId} at the current tenant as it stands now; 404 if there is no such location. */
    public LocationCalendar of(UUID locationId) {
        // the version, and whether this transaction itself moved it (its own change, not yet anybody else's)
        Object[] row = (Object[]) entities.createNativeQuery("""
                select version, coalesce(xmin::text::bigint = txid_current_if_assigned() % 4294967296, false)
                  from calendar_version where id = 1""").getSingleResult();
        long version = ((Number) row[0]).longValue();
        boolean ownChange = Boolean.TRUE.equals(row[1]);
        Key key = new Key(TenantContext.require().id(), locationId);
        LocationCalendar cached = calendars.get(key);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        boolean shareable = firstLoadInThisTransaction() && !ownChange;
        LocationCalendar fresh = load(version, locationId);
        if (shareable) {
            if (calendars.size() >= MAX_ENTRIES) {
                calendars.clear();
            }
            calendars.merge(key, fresh, (old, loaded) -> old.version() > loaded.version() ? old : loaded);
        }
        return fresh;
    }

    /**
     * Whether no calendar was read before in this transaction: a second read would get the entities the first left
     * in the persistence context, as they were then, and must not be shared under a newer version.
     */
    private static boolean firstLoadInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        if (TransactionSynchronizationManager.hasResource(LOADED)) {
            return false;
        }
        TransactionSynchronizationManager.bindResource(LOADED, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(LOADED);
            }
        });
        return true;
    }

    private LocationCalendar load(long version, UUID locationId) {
        Location location = locations.findById(locationId).orElseThrow(() -> new NotFoundException("location"));
        Instant since = clock.instant().minus(LOOK_BACK);
        LocalDate sinceDate = LocalDate.ofInstant(since, location.timezone());

        Set<UUID> working = new LinkedHashSet<>();
        staff.findAll().stream()
                .filter(member -> member.status() == Membership.Status.ACTIVE
                        && member.locationIds().contains(locationId) && member.role() != StaffRole.RECEPTIONIST)
                .map(Membership::id).sorted().forEach(working::add);

        Map<UUID, LocationCalendar.Offer> offers = new HashMap<>();
        for (SalonService service : services.findAll()) {
            if (service.active()) {
                offers.put(service.id(), offer(service, working));
            }
        }

        Map<UUID, List<WeeklySpan>> shiftsOf = new HashMap<>();
        Map<UUID, List<WeeklySpan>> breaksOf = new HashMap<>();
        Map<UUID, List<Interval>> awayOf = new HashMap<>();
        if (!working.isEmpty()) {
            for (StaffShift shift : shifts.findByLocationIdAndStaffIdIn(locationId, working)) {
                WeeklySpan span = new WeeklySpan(shift.day(),
                        new DailySpan(shift.startMinute(), shift.endMinute()), shift.validFrom(), shift.validUntil());
                (shift.kind() == StaffShift.Kind.SHIFT ? shiftsOf : breaksOf)
                        .computeIfAbsent(shift.staffId(), id -> new ArrayList<>()).add(span);
            }
            for (TimeOff away : timeOff.overlapping(working, since, Instant.parse("9999-01-01T00:00:00Z"))) {
                awayOf.computeIfAbsent(away.staffId(), id -> new ArrayList<>())
                        .add(new Interval(away.startsAt(), away.endsAt()));
            }
        }
        return new LocationCalendar(version, locationId, location.timezone(), openingHours(location),
                Map.copyOf(offers),
                java.util.Collections.unmodifiableSet(working),
                copy(shiftsOf), copy(breaksOf), copy(extraShifts(locationId, working, sinceDate)), copy(awayOf),
                holidays(locationId, sinceDate), closures(locationId, since), resources(locationId), policy());
    }

    private static <T> Map<UUID, List<T>> copy(Map<UUID, List<T>> byStaff) {
        Map<UUID, List<T>> copy = new HashMap<>();
        byStaff.forEach((id, list) -> copy.put(id, List.copyOf(list)));
        return Map.copyOf(copy);
    }

    /** The service as booking sees it here: performers among those working here, in a stable order. */
    private static LocationCalendar.Offer offer(SalonService service, Set<UUID> working) {
        List<UUID> performersHere = new ArrayList<>();
        Set<UUID> performers = new HashSet<>();
        Map<UUID, Duration> overrides = new HashMap<>();
        Map<UUID, BigDecimal> prices = new HashMap<>();
        for (Performer performer : service.performers()) {
            performers.add(performer.staffId());
            if (performer.priceAmount() != null) {
                prices.put(performer.staffId(), performer.priceAmount());
            }
            if (working.contains(performer.staffId())) {
                performersHere.add(performer.staffId());
                if (performer.durationMinutes() != null) {
                    overrides.put(performer.staffId(), Duration.ofMinutes(performer.durationMinutes()));
                }
            }
        }
        performersHere.sort(null);
        Calendars.Service engine = new Calendars.Service(service.id(), Duration.ofMinutes(service.durationMinutes()),
                Duration.ofMinutes(service.bufferBeforeMinutes()), Duration.ofMinutes(service.bufferAfterMinutes()),
                Duration.ofMinutes(service.processingOffsetMinutes()), Duration.ofMinutes(service.processingMinutes()),
                service.resourceTypes(), performersHere, overrides);
        return new LocationCalendar.Offer(service.id(), service.onlineBookable(), engine, Set.copyOf(performers),
                service.priceAmount(), Map.copyOf(prices), service.currency(), service.leadTimeMinutes(),
                service.horizonDays(), service.slotStepMinutes());
    }

    private static List<WeeklySpan> openingHours(Location location) {
        List<WeeklySpan> spans = new ArrayList<>();
        for (OpeningHours hours : location.openingHours()) {
            spans.add(new WeeklySpan(hours.day(), new DailySpan(hours.opens().toSecondOfDay() / 60,
                    hours.closes().toSecondOfDay() / 60), null, null));
        }
        return List.copyOf(spans);
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<Calendars.DatedSpan>> extraShifts(UUID location, Set<UUID> staffIds, LocalDate since) {
        Map<UUID, List<Calendars.DatedSpan>> extras = new HashMap<>();
        if (staffIds.isEmpty()) {
            return extras;
        }
        List<Object[]> rows = entities.createNativeQuery("""
                select staff_id, day, start_minute, end_minute from staff_extra_shift
                 where location_id = :location and staff_id in (:staff) and day >= :since""")
                .setParameter("location", location).setParameter("staff", staffIds).setParameter("since", since)
                .getResultList();
        for (Object[] row : rows) {
            extras.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(new Calendars.DatedSpan(
                    localDate(row[1]),
                    new DailySpan(((Number) row[2]).intValue(), ((Number) row[3]).intValue())));
        }
        return extras;
    }

    @SuppressWarnings("unchecked")
    private Set<LocalDate> holidays(UUID location, LocalDate since) {
        List<Object> rows = entities.createNativeQuery(
                "select day from location_holiday where location_id = :location and day >= :since")
                .setParameter("location", location).setParameter("since", since).getResultList();
        Set<LocalDate> days = new HashSet<>();
        rows.forEach(day -> days.add(localDate(day)));
        return Set.copyOf(days);
    }

    @SuppressWarnings("unchecked")
    private List<Interval> closures(UUID location, Instant since) {
        List<Object[]> rows = entities.createNativeQuery("""
                select starts_at, ends_at from location_closure where location_id = :location and ends_at > :since""")
                .setParameter("location", location).setParameter("since", Timestamp.from(since)).getResultList();
        return rows.stream().map(row -> new Interval(instant(row[0]), instant(row[1]))).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, String> resources(UUID location) {
        List<Object[]> rows = entities.createNativeQuery("""
                select id, type from resource where location_id = :location and active order by name, id""")
                .setParameter("location", location).getResultList();
        Map<UUID, String> typeOf = new LinkedHashMap<>();
        rows.forEach(row -> typeOf.put((UUID) row[0], (String) row[1]));
        return java.util.Collections.unmodifiableMap(typeOf);
    }

    private LocationCalendar.Policy policy() {
        Object[] row = (Object[]) entities.createNativeQuery(
                "select slot_step_minutes, lead_time_minutes, horizon_days from booking_policy where id = 1")
                .getSingleResult();
        return new LocationCalendar.Policy(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                ((Number) row[2]).intValue());
    }
}
