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
import dev.atelier.platform.scheduling.availability.AvailabilityEngine;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.VisitItem;
import dev.atelier.platform.scheduling.availability.Calendars;
import dev.atelier.platform.scheduling.availability.DailySpan;
import dev.atelier.platform.scheduling.availability.Interval;
import dev.atelier.platform.scheduling.availability.WeeklySpan;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads what the availability engine needs for one question, in a fixed number of queries whatever the number of
 * days or staff (location, services, staff, shifts, time off, closures, holidays, taken time, resources, policy),
 * and asks it.
 */
@Service
public class AvailabilitySearch {

    /** The engine with its inputs, and the services of the visit in order. */
    public record Prepared(ZoneId zone, AvailabilityEngine engine, List<VisitItem> visit,
            Map<UUID, SalonService> services) {
    }

    private final LocationRepository locations;
    private final SalonServiceRepository services;
    private final MembershipRepository staff;
    private final StaffShiftRepository shifts;
    private final TimeOffRepository timeOff;
    private final EntityManager entities;

    public AvailabilitySearch(LocationRepository locations, SalonServiceRepository services,
            MembershipRepository staff, StaffShiftRepository shifts, TimeOffRepository timeOff,
            EntityManager entities) {
        this.locations = locations;
        this.services = services;
        this.staff = staff;
        this.shifts = shifts;
        this.timeOff = timeOff;
        this.entities = entities;
    }

    /** The engine for {@code query} at {@code now}, with what is taken. */
    @Transactional(readOnly = true)
    public Prepared prepare(AvailabilityQuery query, Instant now) {
        return prepare(query, now, true);
    }

    /**
     * The engine for {@code query} at {@code now}; without {@code withTaken} it ignores bookings and holds (what
     * the rules alone allow, to tell "against the rules" from "taken").
     */
    @Transactional(readOnly = true)
    public Prepared prepare(AvailabilityQuery query, Instant now, boolean withTaken) {
        List<FieldError> errors = new ArrayList<>();
        if (query.serviceIds().isEmpty() || query.serviceIds().size() > AvailabilityQuery.MAX_SERVICES) {
            errors.add(new FieldError("serviceId", "ask for 1 to " + AvailabilityQuery.MAX_SERVICES + " services"));
        }
        if (!CalendarLimits.contains(query.from()) || !CalendarLimits.contains(query.to())) {
            errors.add(new FieldError(CalendarLimits.contains(query.from()) ? "to" : "from",
                    CalendarLimits.DESCRIPTION));
        } else if (query.to().isBefore(query.from())) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (query.from().plusDays(AvailabilityQuery.MAX_DAYS - 1).isBefore(query.to())) {
            errors.add(new FieldError("to", "at most " + AvailabilityQuery.MAX_DAYS + " days from from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Location location = locations.findById(query.locationId())
                .orElseThrow(() -> new NotFoundException("location"));
        ZoneId zone = location.timezone();
        Map<UUID, SalonService> byId = new HashMap<>();
        services.findAllByIdIn(new HashSet<>(query.serviceIds())).forEach(s -> byId.put(s.id(), s));
        for (UUID id : query.serviceIds()) {
            SalonService service = byId.get(id);
            if (service == null || !service.active()) {
                throw new NotFoundException("service");
            }
            if (!service.onlineBookable()) {
                errors.add(new FieldError("serviceId", "service " + id + " is not bookable online"));
            }
        }
        Set<UUID> performerIds = new HashSet<>();
        byId.values().forEach(s -> s.performers().forEach(p -> performerIds.add(p.staffId())));
        Map<UUID, Membership> working = new LinkedHashMap<>();
        for (Membership member : staff.findByIdIn(performerIds)) {
            if (member.status() == Membership.Status.ACTIVE && member.locationIds().contains(location.id())
                    && member.role() != StaffRole.RECEPTIONIST) {
                working.put(member.id(), member);
            }
        }
        if (query.staffId() != null) {
            if (!working.containsKey(query.staffId())) {
                if (staff.findById(query.staffId()).isEmpty()) {
                    throw new NotFoundException("staff member");
                }
                errors.add(new FieldError("staffId", "this stylist does not work here"));
            } else {
                for (UUID id : query.serviceIds()) {
                    boolean performs = byId.get(id).performers().stream()
                            .anyMatch(p -> p.staffId().equals(query.staffId()));
                    if (!performs) {
                        errors.add(new FieldError("staffId", "this stylist does not perform service " + id));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Instant windowStart = query.from().minusDays(1).atStartOfDay(zone).toInstant();
        Instant windowEnd = query.to().plusDays(3).atStartOfDay(zone).toInstant();
        Set<UUID> staffIds = working.keySet();
        Map<UUID, List<WeeklySpan>> shiftsOf = new HashMap<>();
        Map<UUID, List<WeeklySpan>> breaksOf = new HashMap<>();
        for (StaffShift shift : staffIds.isEmpty()
                ? List.<StaffShift>of()
                : shifts.findByLocationIdAndStaffIdIn(location.id(), staffIds)) {
            WeeklySpan span = new WeeklySpan(shift.day(), new DailySpan(shift.startMinute(), shift.endMinute()),
                    shift.validFrom(), shift.validUntil());
            (shift.kind() == StaffShift.Kind.SHIFT ? shiftsOf : breaksOf)
                    .computeIfAbsent(shift.staffId(), id -> new ArrayList<>()).add(span);
        }
        Map<UUID, List<Calendars.DatedSpan>> extrasOf = extraShifts(location.id(), staffIds, query);
        Map<UUID, List<Interval>> awayOf = new HashMap<>();
        for (TimeOff away : staffIds.isEmpty()
                ? List.<TimeOff>of()
                : timeOff.overlapping(staffIds, windowStart, windowEnd)) {
            awayOf.computeIfAbsent(away.staffId(), id -> new ArrayList<>())
                    .add(new Interval(away.startsAt(), away.endsAt()));
        }
        Map<UUID, List<Interval>> takenOf = withTaken
                ? taken("staff_busy", "staff_id", staffIds, windowStart, windowEnd, now)
                : Map.of();

        List<Calendars.Staff> calendars = new ArrayList<>();
        for (UUID id : staffIds) {
            calendars.add(new Calendars.Staff(id, shiftsOf.getOrDefault(id, List.of()),
                    extrasOf.getOrDefault(id, List.of()), breaksOf.getOrDefault(id, List.of()),
                    awayOf.getOrDefault(id, List.of()), takenOf.getOrDefault(id, List.of())));
        }
        Set<String> types = new HashSet<>();
        byId.values().forEach(s -> types.addAll(s.resourceTypes()));
        List<Calendars.Resource> resources = resources(location.id(), types, windowStart, windowEnd, now, withTaken);

        List<VisitItem> visit = new ArrayList<>();
        for (UUID id : query.serviceIds()) {
            visit.add(new VisitItem(toEngine(byId.get(id), staffIds), query.staffId()));
        }
        AvailabilityEngine engine = new AvailabilityEngine(new Calendars.Location(zone, openingHours(location),
                holidays(location.id(), query), closures(location.id(), windowStart, windowEnd)), calendars,
                resources, policy(byId.values()));
        return new Prepared(zone, engine, visit, byId);
    }

    private static List<WeeklySpan> openingHours(Location location) {
        List<WeeklySpan> spans = new ArrayList<>();
        for (OpeningHours hours : location.openingHours()) {
            spans.add(new WeeklySpan(hours.day(), new DailySpan(hours.opens().toSecondOfDay() / 60,
                    hours.closes().toSecondOfDay() / 60), null, null));
        }
        return spans;
    }

    /** The service as the engine sees it: its performers among those working here, in a stable order. */
    private static Calendars.Service toEngine(SalonService service, Set<UUID> working) {
        List<UUID> performers = new ArrayList<>();
        Map<UUID, Duration> overrides = new HashMap<>();
        for (Performer performer : service.performers()) {
            if (working.contains(performer.staffId())) {
                performers.add(performer.staffId());
                if (performer.durationMinutes() != null) {
                    overrides.put(performer.staffId(), Duration.ofMinutes(performer.durationMinutes()));
                }
            }
        }
        return new Calendars.Service(service.id(), Duration.ofMinutes(service.durationMinutes()),
                Duration.ofMinutes(service.bufferBeforeMinutes()), Duration.ofMinutes(service.bufferAfterMinutes()),
                Duration.ofMinutes(service.processingOffsetMinutes()), Duration.ofMinutes(service.processingMinutes()),
                service.resourceTypes(), performers, overrides);
    }

    /** The tenant's policy, made stricter by the services' own lead time and horizon. */
    private Calendars.Policy policy(java.util.Collection<SalonService> visit) {
        Object[] row = (Object[]) entities.createNativeQuery(
                "select slot_step_minutes, lead_time_minutes, horizon_days from booking_policy where id = 1")
                .getSingleResult();
        int lead = ((Number) row[1]).intValue();
        int horizon = ((Number) row[2]).intValue();
        for (SalonService service : visit) {
            if (service.leadTimeMinutes() != null) {
                lead = Math.max(lead, service.leadTimeMinutes());
            }
            if (service.horizonDays() != null) {
                horizon = Math.min(horizon, service.horizonDays());
            }
        }
        return new Calendars.Policy(Duration.ofMinutes(((Number) row[0]).intValue()), Duration.ofMinutes(lead),
                Duration.ofDays(horizon));
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<Calendars.DatedSpan>> extraShifts(UUID location, Set<UUID> staffIds,
            AvailabilityQuery query) {
        Map<UUID, List<Calendars.DatedSpan>> extras = new HashMap<>();
        if (staffIds.isEmpty()) {
            return extras;
        }
        List<Object[]> rows = entities.createNativeQuery("""
                select staff_id, day, start_minute, end_minute from staff_extra_shift
                 where location_id = :location and staff_id in (:staff) and day between :from and :to""")
                .setParameter("location", location).setParameter("staff", staffIds)
                .setParameter("from", query.from().minusDays(1)).setParameter("to", query.to().plusDays(2))
                .getResultList();
        for (Object[] row : rows) {
            extras.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add(new Calendars.DatedSpan(
                    localDate(row[1]),
                    new DailySpan(((Number) row[2]).intValue(), ((Number) row[3]).intValue())));
        }
        return extras;
    }

    @SuppressWarnings("unchecked")
    private Set<LocalDate> holidays(UUID location, AvailabilityQuery query) {
        List<Object> rows = entities.createNativeQuery(
                "select day from location_holiday where location_id = :location and day between :from and :to")
                .setParameter("location", location).setParameter("from", query.from().minusDays(1))
                .setParameter("to", query.to().plusDays(2)).getResultList();
        Set<LocalDate> days = new HashSet<>();
        rows.forEach(day -> days.add(localDate(day)));
        return days;
    }

    @SuppressWarnings("unchecked")
    private List<Interval> closures(UUID location, Instant from, Instant to) {
        List<Object[]> rows = entities.createNativeQuery("""
                select starts_at, ends_at from location_closure
                 where location_id = :location and starts_at < :to and ends_at > :from""")
                .setParameter("location", location).setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to)).getResultList();
        return rows.stream().map(row -> new Interval(instant(row[0]), instant(row[1]))).toList();
    }

    /** Active stretches of bookings (not expired holds) of {@code ids} in the window, by id. */
    @SuppressWarnings("unchecked")
    private Map<UUID, List<Interval>> taken(String table, String column, Set<UUID> ids, Instant from, Instant to,
            Instant now) {
        Map<UUID, List<Interval>> taken = new HashMap<>();
        if (ids.isEmpty()) {
            return taken;
        }
        List<Object[]> rows = entities.createNativeQuery("""
                select t.%s, t.starts_at, t.ends_at from %s t join booking b on b.id = t.booking_id
                 where t.active and t.%s in (:ids) and t.starts_at < :to and t.ends_at > :from
                   and not (b.status = 'HELD' and b.hold_expires_at <= :now)""".formatted(column, table, column))
                .setParameter("ids", ids).setParameter("from", Timestamp.from(from))
                .setParameter("to", Timestamp.from(to)).setParameter("now", Timestamp.from(now)).getResultList();
        for (Object[] row : rows) {
            taken.computeIfAbsent((UUID) row[0], id -> new ArrayList<>())
                    .add(new Interval(instant(row[1]), instant(row[2])));
        }
        return taken;
    }

    @SuppressWarnings("unchecked")
    private List<Calendars.Resource> resources(UUID location, Set<String> types, Instant from, Instant to,
            Instant now, boolean withTaken) {
        if (types.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entities.createNativeQuery("""
                select id, type from resource where location_id = :location and active and type in (:types)
                 order by name, id""").setParameter("location", location).setParameter("types", types)
                .getResultList();
        Map<UUID, String> typeOf = new LinkedHashMap<>();
        rows.forEach(row -> typeOf.put((UUID) row[0], (String) row[1]));
        Map<UUID, List<Interval>> taken = withTaken
                ? taken("resource_busy", "resource_id", typeOf.keySet(), from, to, now)
                : Map.of();
        List<Calendars.Resource> resources = new ArrayList<>();
        typeOf.forEach((id, type) -> resources.add(new Calendars.Resource(id, type, taken.getOrDefault(id,
                List.of()))));
        return resources;
    }

}
