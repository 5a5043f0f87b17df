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

    /** At most this many distinct stylist assignments are listed for one start time. */
    public static final int MAX_ASSIGNMENTS_PER_START = 50;

    /**
     * Every slot for {@code visit} starting on the local dates {@code from} to {@code to} (inclusive), sorted by
     * start; a start is listed once per distinct assignment of stylists (up to {@value #MAX_ASSIGNMENTS_PER_START}).
     */
    public List<Slot> slots(List<VisitItem> visit, LocalDate from, LocalDate to, Instant now) {
        return slots(visit, from, to, now, MAX_ASSIGNMENTS_PER_START);
    }

    /**
     * The same slots, with at most {@code perStart} assignments of stylists for each start: one is enough for a
     * customer choosing a time (the booking keeps the stylists of the slot chosen).
     */
    public List<Slot> slots(List<VisitItem> visit, LocalDate from, LocalDate to, Instant now, int perStart) {
        if (perStart < 1 || perStart > MAX_ASSIGNMENTS_PER_START) {
            throw new IllegalArgumentException("perStart must be 1 to " + MAX_ASSIGNMENTS_PER_START);
        }
        if (visit.isEmpty()) {
            throw new IllegalArgumentException("a visit has at least one service");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
        Free free = free(from.minusDays(1), to.plusDays(2));
        List<Slot> slots = new ArrayList<>();
        for (Instant start : grid(from, to, now)) {
            fitAll(visit, start, free, perStart, slots);
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

    /** The free time of everyone over the dates: what every request computes first (a benchmark's baseline). */
    public Object freeTimelines(LocalDate first, LocalDate last) {
        return free(first, last);
    }

    /** Free time per stylist and per resource over the dates, computed once per request. */
    private record Free(Timeline open, Map<UUID, Timeline> staff, Map<UUID, Timeline> resources) {
    }

    /**
     * When each stylist works on the local dates {@code first} to {@code last}: their shifts (weekly and one-off)
     * within the location's opening hours, less holidays, closures, breaks and time off — whether booked or not. What
     * the front desk's calendar leaves unshaded.
     */
    public Map<UUID, List<Interval>> workingTime(LocalDate first, LocalDate last) {
        Timeline open = open(first, last);
        Map<UUID, List<Interval>> working = new LinkedHashMap<>();
        staff.values().forEach(member -> working.put(member.id(), working(member, open, first, last).intervals()));
        return working;
    }

    private Free free(LocalDate first, LocalDate last) {
        Timeline open = open(first, last);
        Map<UUID, Timeline> staffFree = new HashMap<>();
        for (Staff member : staff.values()) {
            staffFree.put(member.id(), working(member, open, first, last).minus(Timeline.of(member.taken())));
        }
        Map<UUID, Timeline> resourceFree = new HashMap<>();
        for (Resource resource : resources) {
            resourceFree.put(resource.id(), open.minus(Timeline.of(resource.taken())));
        }
        return new Free(open, staffFree, resourceFree);
    }

    /** The location's opening hours over the dates, less holidays and closures. */
    private Timeline open(LocalDate first, LocalDate last) {
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
        return Timeline.of(openSpans).minus(Timeline.of(location.closures()));
    }

    /** {@code member}'s shifts within {@code open} over the dates, less breaks and time off. */
    private Timeline working(Staff member, Timeline open, LocalDate first, LocalDate last) {
        List<Interval> working = new ArrayList<>();
        List<Interval> away = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (WeeklySpan shift : member.shifts()) {
                if (shift.appliesOn(date)) {
                    shift.span().on(date, location.zone()).ifPresent(working::add);
                }
            }
            for (WeeklySpan pause : member.breaks()) {
                if (pause.appliesOn(date)) {
                    pause.span().on(date, location.zone()).ifPresent(away::add);
                }
            }
        }
        for (DatedSpan extra : member.extraShifts()) {
            if (!extra.date().isBefore(first) && !extra.date().isAfter(last)) {
                extra.span().on(extra.date(), location.zone()).ifPresent(working::add);
            }
        }
        away.addAll(member.timeOff());
        return Timeline.of(working).intersect(open).minus(Timeline.of(away));
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

    /** The first assignment of stylists and resources that fits at {@code start} (the order of {@link #slots}). */
    private Optional<Slot> fit(List<VisitItem> visit, Instant start, Free free) {
        List<Slot> found = new ArrayList<>(1);
        fitAll(visit, start, free, 1, found);
        return found.stream().findFirst();
    }

    /**
     * Adds to {@code out} every distinct assignment of stylists that fits at {@code start}, up to {@code limit},
     * depth first in the order of {@link #candidates} (each with the first free resources).
     */
    private void fitAll(List<VisitItem> visit, Instant start, Free free, int limit, List<Slot> out) {
        if (!free.open().covers(start, start.plusSeconds(1))) {
            return;
        }
        List<Slot> atStart = new ArrayList<>();
        new Search(visit, start, free, limit, atStart).place(0, start, null);
        out.addAll(atStart);
    }

    /** One start time's depth-first search; what the visit has taken so far is pushed and popped. */
    private final class Search {
        private final List<VisitItem> visit;
        private final Instant start;
        private final Free free;
        private final int limit;
        private final List<Slot> out;
        private final Assignment[] chosen;
        private final Map<UUID, List<Interval>> staffUsed = new HashMap<>();
        private final Map<UUID, List<Interval>> resourcesUsed = new HashMap<>();

        Search(List<VisitItem> visit, Instant start, Free free, int limit, List<Slot> out) {
            this.visit = visit;
            this.start = start;
            this.free = free;
            this.limit = limit;
            this.out = out;
            this.chosen = new Assignment[visit.size()];
        }

        void place(int index, Instant cursor, UUID previousStaff) {
            if (index == visit.size()) {
                out.add(new Slot(start, cursor, List.of(chosen)));
                return;
            }
            VisitItem item = visit.get(index);
            for (UUID candidate : candidates(item, previousStaff)) {
                if (out.size() >= limit) {
                    return;
                }
                Placement placement = tryAssign(item.service(), candidate, cursor, previousStaff, free, staffUsed,
                        resourcesUsed);
                if (placement == null) {
                    continue;
                }
                List<Interval> own = staffUsed.computeIfAbsent(candidate, id -> new ArrayList<>());
                own.addAll(placement.occupied());
                for (UUID resource : placement.assignment().resourceIds()) {
                    resourcesUsed.computeIfAbsent(resource, id -> new ArrayList<>()).add(placement.resourceTime());
                }
                chosen[index] = placement.assignment();
                place(index + 1, placement.assignment().end(), candidate);
                for (int i = 0; i < placement.occupied().size(); i++) {
                    own.removeLast();
                }
                for (UUID resource : placement.assignment().resourceIds()) {
                    resourcesUsed.get(resource).removeLast();
                }
            }
        }
    }

    /** A service placed for a stylist: the assignment and what it takes. */
    private record Placement(Assignment assignment, List<Interval> occupied, Interval resourceTime) {
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

    private Placement tryAssign(Service service, UUID staffId, Instant start, UUID previousStaff, Free free,
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
        return new Placement(new Assignment(service.id(), staffId, start, end, List.copyOf(taken)), occupied,
                resourceTime);
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
