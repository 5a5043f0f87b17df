package dev.atelier.platform.scheduling.availability;

import dev.atelier.platform.scheduling.availability.Calendars.DatedSpan;
import dev.atelier.platform.scheduling.availability.Calendars.Location;
import dev.atelier.platform.scheduling.availability.Calendars.Policy;
import dev.atelier.platform.scheduling.availability.Calendars.Resource;
import dev.atelier.platform.scheduling.availability.Calendars.Service;
import dev.atelier.platform.scheduling.availability.Calendars.Staff;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * When a visit can start: the pure model of availability, with no framework and no database.
 * <p>
 * A stylist is free where their shifts (weekly and one-off) meet the location's opening hours, less breaks, time off,
 * closures, holidays and everything already taken (bookings and holds with their buffers). A visit is one or more
 * services in order, back to back, each with a chosen stylist or "any"; it fits at a start time when each service's
 * stylist is free for it (buffers included, processing time excepted) and a free resource of every type it needs is
 * there. Start times are the slot grid of the location's wall clock (every {@code step} from midnight), no sooner
 * than the lead time and no later than the horizon. Rules are in the location's zone; instants are UTC.
 */
public final class AvailabilityEngine {

    private final Location location;
    private final Map<UUID, Staff> staff;
    private final List<Resource> resources;
    private final Policy policy;

    public AvailabilityEngine(Location location, List<Staff> staff, List<Resource> resources, Policy policy) {
        this.location = Objects.requireNonNull(location, "location");
        this.staff = new LinkedHashMap<>();
        staff.forEach(member -> this.staff.put(member.id(), member));
        this.resources = List.copyOf(resources);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** One service of a visit, by a given stylist or (null) anyone who performs it. */
    public record VisitItem(Service service, UUID staffId) {
        public VisitItem {
            Objects.requireNonNull(service, "service");
        }
    }

    /** A start time that works, with who does what. */
    public record Slot(Instant start, Instant end, List<Assignment> assignments) {
    }

    /** One service of a slot: its stylist, its time (without buffers) and the resources it takes. */
    public record Assignment(UUID serviceId, UUID staffId, Instant start, Instant end, List<UUID> resourceIds) {
    }

    /** Every slot for {@code visit} starting on the local dates {@code from} to {@code to} (inclusive). */
    public List<Slot> slots(List<VisitItem> visit, LocalDate from, LocalDate to, Instant now) {
        if (visit.isEmpty()) {
            throw new IllegalArgumentException("a visit has at least one service");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
        Free free = free(from.minusDays(1), to.plusDays(2));
        List<Slot> slots = new ArrayList<>();
        for (Instant start : grid(from, to, now)) {
            fit(visit, start, free).ifPresent(slots::add);
        }
        return slots;
    }

    /**
     * Whether {@code visit} fits at exactly {@code start} now: the booking path's check, the same rules as
     * {@link #slots}.
     */
    public Optional<Slot> check(List<VisitItem> visit, Instant start, Instant now) {
        LocalDate date = LocalDateTime.ofInstant(start, location.zone()).toLocalDate();
        if (!grid(date, date, now).contains(start)) {
            return Optional.empty();
        }
        return fit(visit, start, free(date.minusDays(1), date.plusDays(2)));
    }

    /** Free time per stylist and per resource over the dates, computed once per request. */
    private record Free(Timeline open, Map<UUID, Timeline> staff, Map<UUID, Timeline> resources) {
    }

    private Free free(LocalDate first, LocalDate last) {
        List<Interval> openSpans = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (location.holidays().contains(date)) {
                continue;
            }
            for (WeeklySpan hours : location.openingHours()) {
                if (hours.appliesOn(date)) {
                    hours.span().on(date, location.zone()).ifPresent(openSpans::add);
                }
            }
        }
        Timeline open = Timeline.of(openSpans).minus(Timeline.of(location.closures()));
        Map<UUID, Timeline> staffFree = new HashMap<>();
        for (Staff member : staff.values()) {
            List<Interval> working = new ArrayList<>();
            List<Interval> breaks = new ArrayList<>();
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                for (WeeklySpan shift : member.shifts()) {
                    if (shift.appliesOn(date)) {
                        shift.span().on(date, location.zone()).ifPresent(working::add);
                    }
                }
                for (WeeklySpan pause : member.breaks()) {
                    if (pause.appliesOn(date)) {
                        pause.span().on(date, location.zone()).ifPresent(breaks::add);
                    }
                }
            }
            for (DatedSpan extra : member.extraShifts()) {
                if (!extra.date().isBefore(first) && !extra.date().isAfter(last)) {
                    extra.span().on(extra.date(), location.zone()).ifPresent(working::add);
                }
            }
            List<Interval> away = new ArrayList<>(breaks);
            away.addAll(member.timeOff());
            away.addAll(member.taken());
            staffFree.put(member.id(), Timeline.of(working).intersect(open).minus(Timeline.of(away)));
        }
        Map<UUID, Timeline> resourceFree = new HashMap<>();
        for (Resource resource : resources) {
            resourceFree.put(resource.id(), open.minus(Timeline.of(resource.taken())));
        }
        return new Free(open, staffFree, resourceFree);
    }

    /** The wall-clock grid of the dates, as instants (none in a skipped hour, both showings of a repeated one). */
    private TreeSet<Instant> grid(LocalDate from, LocalDate to, Instant now) {
        Instant earliest = now.plus(policy.leadTime());
        Instant latest = now.plus(policy.horizon());
        long step = policy.step().toMinutes();
        TreeSet<Instant> starts = new TreeSet<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (long minute = 0; minute < DailySpan.DAY; minute += step) {
                LocalDateTime local = date.atStartOfDay().plusMinutes(minute);
                for (ZoneOffset offset : location.zone().getRules().getValidOffsets(local)) {
                    Instant start = local.toInstant(offset);
                    if (!start.isBefore(earliest) && !start.isAfter(latest)) {
                        starts.add(start);
                    }
                }
            }
        }
        return starts;
    }

    private Optional<Slot> fit(List<VisitItem> visit, Instant start, Free free) {
        if (!free.open().covers(start, start.plusSeconds(1))) {
            return Optional.empty();
        }
        List<Assignment> assignments = new ArrayList<>(visit.size());
        Map<UUID, List<Interval>> staffUsed = new HashMap<>();
        Map<UUID, List<Interval>> resourcesUsed = new HashMap<>();
        Instant cursor = start;
        UUID previousStaff = null;
        for (VisitItem item : visit) {
            Assignment chosen = null;
            for (UUID candidate : candidates(item, previousStaff)) {
                chosen = tryAssign(item.service(), candidate, cursor, previousStaff, free, staffUsed, resourcesUsed);
                if (chosen != null) {
                    break;
                }
            }
            if (chosen == null) {
                return Optional.empty();
            }
            assignments.add(chosen);
            cursor = chosen.end();
            previousStaff = chosen.staffId();
        }
        return Optional.of(new Slot(start, cursor, List.copyOf(assignments)));
    }

    /** The given stylist, or everyone who performs the service, the previous item's stylist first. */
    private List<UUID> candidates(VisitItem item, UUID previousStaff) {
        if (item.staffId() != null) {
            return item.service().performers().contains(item.staffId()) ? List.of(item.staffId()) : List.of();
        }
        List<UUID> ordered = new ArrayList<>(item.service().performers().size());
        if (previousStaff != null && item.service().performers().contains(previousStaff)) {
            ordered.add(previousStaff);
        }
        for (UUID performer : item.service().performers()) {
            if (!performer.equals(previousStaff)) {
                ordered.add(performer);
            }
        }
        return ordered;
    }

    private Assignment tryAssign(Service service, UUID staffId, Instant start, UUID previousStaff, Free free,
            Map<UUID, List<Interval>> staffUsed, Map<UUID, List<Interval>> resourcesUsed) {
        Timeline staffFree = free.staff().get(staffId);
        if (staffFree == null) {
            return null;
        }
        Duration duration = service.durationFor(staffId);
        Instant end = start.plus(duration);
        if (!free.open().covers(start, end)) {
            return null;
        }
        // the same stylist straight on from the previous service: no buffer between the two
        boolean continuing = staffId.equals(previousStaff);
        List<Interval> occupied = Occupancy.ofStaff(service, start, duration, !continuing);
        List<Interval> own = staffUsed.getOrDefault(staffId, List.of());
        for (Interval part : occupied) {
            if (!staffFree.covers(part) || overlapsAny(part, own, continuing ? start : null)) {
                return null;
            }
        }
        Interval resourceTime = Occupancy.ofResources(service, start, duration);
        List<UUID> taken = new ArrayList<>();
        for (String type : service.resourceTypes()) {
            UUID found = null;
            for (Resource resource : resources) {
                if (resource.type().equals(type) && !taken.contains(resource.id())
                        && free.resources().get(resource.id()).covers(resourceTime)
                        && !overlapsAny(resourceTime, resourcesUsed.getOrDefault(resource.id(), List.of()), null)) {
                    found = resource.id();
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            taken.add(found);
        }
        staffUsed.computeIfAbsent(staffId, id -> new ArrayList<>()).addAll(occupied);
        for (UUID resource : taken) {
            resourcesUsed.computeIfAbsent(resource, id -> new ArrayList<>()).add(resourceTime);
        }
        return new Assignment(service.id(), staffId, start, end, List.copyOf(taken));
    }

    /** Overlap with this visit's own earlier intervals; a previous buffer running past {@code from} is allowed. */
    private static boolean overlapsAny(Interval part, List<Interval> used, Instant from) {
        for (Interval other : used) {
            Interval clipped = other;
            if (from != null && other.end().isAfter(from)) {
                if (!other.start().isBefore(from)) {
                    continue;
                }
                clipped = new Interval(other.start(), from);
            }
            if (clipped.overlaps(part)) {
                return true;
            }
        }
        return false;
    }
}
