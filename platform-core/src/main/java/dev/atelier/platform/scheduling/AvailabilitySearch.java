package dev.atelier.platform.scheduling;

import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.persistence.SqlValues;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.VisitItem;
import dev.atelier.platform.scheduling.availability.Calendars;
import dev.atelier.platform.scheduling.availability.Interval;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the availability engine one question: the location's calendar comes from the {@link CalendarCache} (one read
 * of the tenant's calendar version while nothing changed), taken time from one query; a fixed number of queries
 * whatever the number of days or staff.
 */
@Service
public class AvailabilitySearch {

    /**
     * Whose rules a question is asked under: customers online (the tenant's slot step, lead time and horizon,
     * online-bookable services only), or the front desk booking for a client (any whole minute from now, within the
     * horizon, every active service). Both see the same shifts, opening hours and taken time.
     */
    public enum Rules {
        ONLINE,
        FRONT_DESK
    }

    /**
     * The engine with its inputs, and the services of the visit in order; {@code lapsedHolds}: holds whose time ran
     * out still keep stretches where the question looked (the engine ignores them; a writer must expire them first).
     */
    public record Prepared(ZoneId zone, AvailabilityEngine engine, List<VisitItem> visit,
            Map<UUID, LocationCalendar.Offer> services, boolean lapsedHolds) {
    }

    /** Taken time by staff or resource id, and whether lapsed holds were seen among it. */
    private record Taken(Map<UUID, List<Interval>> byId, boolean lapsedHolds) {
    }

    /** Read this much more taken time around where visits can reach than they need (buffers are at most 4 hours). */
    private static final Duration MARGIN = Duration.ofHours(12);

    private final CalendarCache calendars;
    private final MembershipRepository staff;
    private final EntityManager entities;

    public AvailabilitySearch(CalendarCache calendars, MembershipRepository staff, EntityManager entities) {
        this.calendars = calendars;
        this.staff = staff;
        this.entities = entities;
    }

    /** The engine for {@code query} at {@code now}, with what is taken, under the online rules. */
    @Transactional(readOnly = true)
    public Prepared prepare(AvailabilityQuery query, Instant now) {
        return prepare(query, now, true, Rules.ONLINE, null, null);
    }

    /** When each stylist working at a location works on the local dates {@code from}..{@code to}, and its zone. */
    public record WorkingTime(ZoneId zone, Map<UUID, List<Interval>> staff) {
    }

    /**
     * When each of the location's stylists works on the local dates {@code from} to {@code to} (at most
     * {@link AvailabilityQuery#MAX_DAYS}): shifts within opening hours, less holidays, closures, breaks and time off.
     *
     * @throws InvalidRequestException if the dates are out of range, reversed or too many
     * @throws NotFoundException if there is no such location
     */
    @Transactional(readOnly = true)
    public WorkingTime workingTime(UUID locationId, LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        checkDates(from, to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        LocationCalendar calendar = calendars.of(locationId);
        ZoneId zone = calendar.zone();
        Instant windowStart = from.atStartOfDay(zone).toInstant().minus(MARGIN);
        Instant windowEnd = to.plusDays(1).atStartOfDay(zone).toInstant().plus(MARGIN);
        List<Calendars.Staff> staffCalendars = new ArrayList<>();
        for (UUID id : calendar.working()) {
            staffCalendars.add(staffCalendar(calendar, id, from, to, windowStart, windowEnd, List.of()));
        }
        Set<LocalDate> holidays = new HashSet<>();
        calendar.holidays().stream().filter(day -> !day.isBefore(from) && !day.isAfter(to)).forEach(holidays::add);
        AvailabilityEngine engine = new AvailabilityEngine(new Calendars.Location(zone, calendar.openingHours(),
                holidays, LocationCalendar.within(calendar.closures(), windowStart, windowEnd)), staffCalendars,
                List.of(), Calendars.Policy.DEFAULT);
        return new WorkingTime(zone, engine.workingTime(from, to));
    }

    /** The dates of a question: within the calendar's limits, in order, at most {@link AvailabilityQuery#MAX_DAYS}. */
    private static void checkDates(LocalDate from, LocalDate to, List<FieldError> errors) {
        if (!CalendarLimits.contains(from) || !CalendarLimits.contains(to)) {
            errors.add(new FieldError(CalendarLimits.contains(from) ? "to" : "from", CalendarLimits.DESCRIPTION));
        } else if (to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (from.plusDays(AvailabilityQuery.MAX_DAYS - 1).isBefore(to)) {
            errors.add(new FieldError("to", "at most " + AvailabilityQuery.MAX_DAYS + " days from from"));
        }
    }

    /** Stylist {@code id}'s calendar for the engine: extra shifts on the dates, time off within the window. */
    private static Calendars.Staff staffCalendar(LocationCalendar calendar, UUID id, LocalDate first, LocalDate last,
            Instant windowStart, Instant windowEnd, List<Interval> taken) {
        return new Calendars.Staff(id, calendar.shifts().getOrDefault(id, List.of()),
                calendar.extraShifts().getOrDefault(id, List.of()).stream()
                        .filter(extra -> !extra.date().isBefore(first) && !extra.date().isAfter(last)).toList(),
                calendar.breaks().getOrDefault(id, List.of()),
                LocationCalendar.within(calendar.timeOff().getOrDefault(id, List.of()), windowStart, windowEnd),
                taken);
    }

    /**
     * The engine for a visit of {@code serviceIds} at {@code locationId} on the local date of {@code start} (the
     * booking path's question, with the location's calendar read once).
     */
    @Transactional(readOnly = true)
    public Prepared prepareAt(UUID locationId, List<UUID> serviceIds, Instant start, Instant now, boolean withTaken,
            Rules rules) {
        LocationCalendar calendar = calendars.of(locationId);
        LocalDate date = LocalDate.ofInstant(start, calendar.zone());
        return prepare(new AvailabilityQuery(locationId, serviceIds, null, date, date), now, withTaken, rules,
                calendar, start);
    }

    /**
     * {@code focus}: the one start asked about, or null for every start on the query's dates; taken time, time off
     * and closures are read only where a visit starting then can reach.
     */
    private Prepared prepare(AvailabilityQuery query, Instant now, boolean withTaken, Rules rules,
            LocationCalendar known, Instant focus) {
        List<FieldError> errors = new ArrayList<>();
        if (query.serviceIds().isEmpty() || query.serviceIds().size() > AvailabilityQuery.MAX_SERVICES) {
            errors.add(new FieldError("serviceId", "ask for 1 to " + AvailabilityQuery.MAX_SERVICES + " services"));
        }
        checkDates(query.from(), query.to(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        LocationCalendar calendar = known != null ? known : calendars.of(query.locationId());
        ZoneId zone = calendar.zone();
        Map<UUID, LocationCalendar.Offer> offers = new HashMap<>();
        Set<UUID> performing = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (UUID id : query.serviceIds()) {
            LocationCalendar.Offer offer = calendar.services().get(id);
            if (offer == null) {
                throw new NotFoundException("service");
            }
            if (rules == Rules.ONLINE && !offer.onlineBookable()) {
                errors.add(new FieldError("serviceId", "service " + id + " is not bookable online"));
            }
            offers.put(id, offer);
            performing.addAll(offer.engine().performers());
            types.addAll(offer.engine().resourceTypes());
        }
        if (query.staffId() != null) {
            if (!calendar.working().contains(query.staffId())) {
                if (staff.findById(query.staffId()).isEmpty()) {
                    throw new NotFoundException("staff member");
                }
                errors.add(new FieldError("staffId", "this stylist does not work here"));
            } else {
                for (UUID id : query.serviceIds()) {
                    if (!offers.get(id).performers().contains(query.staffId())) {
                        errors.add(new FieldError("staffId", "this stylist does not perform service " + id));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Duration reach = Duration.ZERO;
        for (UUID id : query.serviceIds()) {
            Calendars.Service service = offers.get(id).engine();
            Duration longest = service.durationOverrides().values().stream().reduce(service.duration(),
                    (a, b) -> a.compareTo(b) >= 0 ? a : b);
            reach = reach.plus(service.bufferBefore()).plus(longest).plus(service.bufferAfter());
        }
        Instant windowStart = (focus != null ? focus : query.from().atStartOfDay(zone).toInstant()).minus(MARGIN);
        Instant windowEnd = (focus != null ? focus : query.to().plusDays(1).atStartOfDay(zone).toInstant()).plus(reach)
                .plus(MARGIN);
        Set<UUID> staffIds = new LinkedHashSet<>();
        calendar.working().stream().filter(performing::contains).forEach(staffIds::add);
        Map<UUID, String> resourceTypes = new LinkedHashMap<>();
        calendar.resources().forEach((id, type) -> {
            if (types.contains(type)) {
                resourceTypes.put(id, type);
            }
        });
        Taken found = withTaken
                ? taken(staffIds, resourceTypes.keySet(), windowStart, windowEnd, now)
                : new Taken(Map.of(), false);
        Map<UUID, List<Interval>> taken = found.byId();

        LocalDate firstDay = query.from().minusDays(1);
        LocalDate lastDay = query.to().plusDays(2);
        List<Calendars.Staff> staffCalendars = new ArrayList<>();
        for (UUID id : staffIds) {
            staffCalendars.add(staffCalendar(calendar, id, firstDay, lastDay, windowStart, windowEnd,
                    taken.getOrDefault(id, List.of())));
        }
        List<Calendars.Resource> resources = new ArrayList<>();
        resourceTypes.forEach((id, type) -> resources.add(new Calendars.Resource(id, type,
                taken.getOrDefault(id, List.of()))));
        Set<LocalDate> holidays = new HashSet<>();
        calendar.holidays().stream().filter(day -> !day.isBefore(firstDay) && !day.isAfter(lastDay))
                .forEach(holidays::add);

        List<VisitItem> visit = new ArrayList<>();
        for (UUID id : query.serviceIds()) {
            visit.add(new VisitItem(offers.get(id).engine(), query.staffId()));
        }
        AvailabilityEngine engine = new AvailabilityEngine(new Calendars.Location(zone, calendar.openingHours(),
                holidays, LocationCalendar.within(calendar.closures(), windowStart, windowEnd)), staffCalendars,
                resources, policy(calendar.policy(), offers.values(), rules));
        return new Prepared(zone, engine, visit, offers, found.lapsedHolds());
    }

    /**
     * The tenant's policy, made stricter by the services' own lead time and horizon; a visit's starts are on the
     * coarsest grid any of its services asks for (the tenant's where none does).
     */
    private static Calendars.Policy policy(LocationCalendar.Policy tenant, Collection<LocationCalendar.Offer> visit,
            Rules rules) {
        int lead = tenant.leadTimeMinutes();
        int horizon = tenant.horizonDays();
        Integer step = null;
        for (LocationCalendar.Offer service : visit) {
            if (service.leadTimeMinutes() != null) {
                lead = Math.max(lead, service.leadTimeMinutes());
            }
            if (service.horizonDays() != null) {
                horizon = Math.min(horizon, service.horizonDays());
            }
            if (service.slotStepMinutes() != null) {
                step = step == null ? service.slotStepMinutes() : Math.max(step, service.slotStepMinutes());
            }
        }
        if (rules == Rules.FRONT_DESK) {
            return new Calendars.Policy(Duration.ofMinutes(1), Duration.ZERO, Duration.ofDays(horizon));
        }
        return new Calendars.Policy(Duration.ofMinutes(step != null ? step : tenant.slotStepMinutes()),
                Duration.ofMinutes(lead),
                Duration.ofDays(horizon));
    }

    /**
     * Active stretches of bookings of the staff and resources in the window, by their id, in one query; those of
     * holds whose time ran out are left out (and noted).
     */
    @SuppressWarnings("unchecked")
    private Taken taken(Set<UUID> staffIds, Set<UUID> resourceIds, Instant from, Instant to, Instant now) {
        Map<UUID, List<Interval>> taken = new HashMap<>();
        if (staffIds.isEmpty() && resourceIds.isEmpty()) {
            return new Taken(taken, false);
        }
        List<Object[]> rows = entities.createNativeQuery("""
                select t.staff_id, %1$s, %2$s, %3$s from staff_busy t join booking b on b.id = t.booking_id
                 where t.active and t.staff_id = any(cast(:staff as uuid[])) and t.starts_at < :to and t.ends_at > :from
                union all
                select t.resource_id, %1$s, %2$s, %3$s from resource_busy t join booking b on b.id = t.booking_id
                 where t.active and t.resource_id = any(cast(:resources as uuid[])) and t.starts_at < :to
                   and t.ends_at > :from"""
                .formatted(SqlValues.EPOCH_MICROS.formatted("t.starts_at"),
                        SqlValues.EPOCH_MICROS.formatted("t.ends_at"),
                        "(b.status in ('HELD', 'PENDING_PAYMENT') and b.hold_expires_at <= :now)"))
                .setParameter("staff", staffIds.toArray(UUID[]::new))
                .setParameter("resources", resourceIds.toArray(UUID[]::new))
                .setParameter("from", Timestamp.from(from)).setParameter("to", Timestamp.from(to))
                .setParameter("now", Timestamp.from(now)).getResultList();
        boolean lapsed = false;
        for (Object[] row : rows) {
            if (Boolean.TRUE.equals(row[3])) {
                lapsed = true;
                continue;
            }
            taken.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                    .add(new Interval(SqlValues.ofEpochMicros(row[1]), SqlValues.ofEpochMicros(row[2])));
        }
        return new Taken(taken, lapsed);
    }
}
