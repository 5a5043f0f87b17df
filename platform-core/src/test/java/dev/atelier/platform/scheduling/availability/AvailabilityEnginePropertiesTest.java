package dev.atelier.platform.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.scheduling.availability.AvailabilityEngine.Assignment;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.Slot;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.VisitItem;
import dev.atelier.platform.scheduling.availability.Calendars.DatedSpan;
import dev.atelier.platform.scheduling.availability.Calendars.Location;
import dev.atelier.platform.scheduling.availability.Calendars.Policy;
import dev.atelier.platform.scheduling.availability.Calendars.Resource;
import dev.atelier.platform.scheduling.availability.Calendars.Service;
import dev.atelier.platform.scheduling.availability.Calendars.Staff;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine on seeded random salons around DST changes in four zones, checked minute by minute against the rules
 * read directly (an independent model): every slot lies inside opening hours and shifts, clear of breaks, time off,
 * closures, holidays and what is taken, buffers included and processing time excepted, on the wall-clock grid,
 * within lead time and horizon; for one service with one stylist the slots are exactly the grid times that satisfy
 * the rules; and the booking-path check accepts returned slots and refuses the rest.
 */
class AvailabilityEnginePropertiesTest {

    static final List<String> CHAIR_TYPES = List.of("chair", "basin");

    @ParameterizedTest
    @ValueSource(strings = {"Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"})
    void everySlotKeepsEveryRuleAndOneStylistsSlotsAreExactlyTheFreeGridTimes(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        Random random = new Random(zoneId.hashCode() * 31L + 20261125);
        int slotsSeen = 0;
        for (int run = 0; run < 150; run++) {
            Salon salon = Salon.random(random, zone, run);
            List<VisitItem> visit = salon.randomVisit(random);
            AvailabilityEngine engine = new AvailabilityEngine(salon.location, salon.staff, salon.resources,
                    salon.policy);

            List<Slot> slots = engine.slots(visit, salon.from, salon.to, salon.now);

            for (Slot slot : slots) {
                salon.assertKeepsTheRules(visit, slot);
            }
            slotsSeen += slots.size();
            if (visit.size() == 1 && visit.getFirst().staffId() != null
                    && visit.getFirst().service().resourceTypes().isEmpty()) {
                assertThat(slots.stream().map(Slot::start).toList()).as("run %d", run)
                        .isEqualTo(salon.bruteForceStarts(visit.getFirst()));
            }
            if (visit.size() == 1 && visit.getFirst().staffId() == null
                    && visit.getFirst().service().resourceTypes().isEmpty()) {
                assertThat(slots.stream().map(s -> s.start() + " " + s.assignments().getFirst().staffId()).toList())
                        .as("run %d: one slot per free stylist", run)
                        .isEqualTo(salon.bruteForceStartsForAnyone(visit.getFirst().service()));
            }
            assertThat(slots.stream().map(s -> s.start() + " " + s.assignments().stream()
                    .map(a -> String.valueOf(a.staffId())).toList()).distinct().count())
                    .as("each start once per distinct assignment").isEqualTo(slots.size());
            TreeSet<Instant> returned = new TreeSet<>(slots.stream().map(Slot::start).toList());
            for (Instant start : salon.grid()) {
                if (random.nextInt(8) == 0) {
                    assertThat(engine.check(visit, start, salon.now).isPresent()).as("check at %s", start)
                            .isEqualTo(returned.contains(start));
                }
            }
        }
        assertThat(slotsSeen).as("the generator makes salons with free time").isGreaterThan(500);
    }

    /** A random salon around a DST change of its zone, and the rules read minute by minute. */
    static final class Salon {
        ZoneId zone;
        Location location;
        List<Staff> staff = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        Policy policy;
        LocalDate from;
        LocalDate to;
        Instant now;

        static Salon random(Random random, ZoneId zone, int run) {
            Salon salon = new Salon();
            salon.zone = zone;
            LocalDate anchor = dstChange(zone, run).orElse(LocalDate.of(2026, 6, 1).plusDays(run % 30));
            salon.from = anchor.minusDays(1 + random.nextInt(2));
            salon.to = anchor.plusDays(random.nextInt(3));
            List<WeeklySpan> hours = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextInt(10) < 8) {
                    hours.addAll(randomSpans(random, day, null, null));
                }
            }
            Set<LocalDate> holidays = new HashSet<>();
            if (random.nextInt(7) == 0) {
                holidays.add(salon.from.plusDays(random.nextInt(3)));
            }
            Instant windowStart = salon.from.atStartOfDay(zone).toInstant();
            List<Interval> closures = randomIntervals(random, windowStart, random.nextInt(3), 30, 300);
            salon.location = new Location(zone, hours, holidays, closures);
            int people = 1 + random.nextInt(3);
            for (int i = 0; i < people; i++) {
                List<WeeklySpan> shifts = new ArrayList<>();
                List<WeeklySpan> breaks = new ArrayList<>();
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (random.nextInt(10) < 7) {
                        LocalDate validFrom = random.nextInt(5) == 0 ? salon.from.plusDays(random.nextInt(2)) : null;
                        LocalDate validUntil = random.nextInt(5) == 0 ? salon.to.minusDays(random.nextInt(2)) : null;
                        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
                            validUntil = validFrom;
                        }
                        shifts.addAll(randomSpans(random, day, validFrom, validUntil));
                    }
                    if (random.nextInt(10) < 4) {
                        int start = 60 * (1 + random.nextInt(20));
                        breaks.add(new WeeklySpan(day, new DailySpan(start, start + 30 + 15 * random.nextInt(3)),
                                null, null));
                    }
                }
                List<DatedSpan> extras = new ArrayList<>();
                if (random.nextInt(3) == 0) {
                    int start = 30 * random.nextInt(40);
                    extras.add(new DatedSpan(salon.from.plusDays(random.nextInt(3)),
                            new DailySpan(start, Math.min(DailySpan.DAY, start + 60 * (1 + random.nextInt(6))))));
                }
                salon.staff.add(new Staff(new UUID(0, i + 1), shifts, extras, breaks,
                        randomIntervals(random, windowStart, random.nextInt(2), 60, 600),
                        randomIntervals(random, windowStart, random.nextInt(8), 15, 120)));
            }
            int chairs = random.nextInt(3);
            for (int i = 0; i < chairs; i++) {
                salon.resources.add(new Resource(new UUID(1, i + 1), CHAIR_TYPES.get(random.nextInt(2)),
                        randomIntervals(random, windowStart, random.nextInt(4), 15, 180)));
            }
            int kinds = 1 + random.nextInt(3);
            for (int i = 0; i < kinds; i++) {
                int duration = 15 + 5 * random.nextInt(22);
                Duration offset = Duration.ZERO;
                Duration processing = Duration.ZERO;
                if (random.nextInt(10) < 3 && duration >= 45) {
                    offset = Duration.ofMinutes(10 + 5 * random.nextInt((duration - 30) / 10));
                    processing = Duration.ofMinutes(10 + 5 * random.nextInt(
                            Math.max(1, (int) ((duration - offset.toMinutes() - 10) / 5))));
                }
                List<UUID> performers = new ArrayList<>();
                for (Staff member : salon.staff) {
                    if (performers.isEmpty() || random.nextBoolean()) {
                        performers.add(member.id());
                    }
                }
                Map<UUID, Duration> overrides = new HashMap<>();
                if (random.nextInt(5) == 0) {
                    overrides.put(performers.getLast(), Duration.ofMinutes(duration + 15));
                }
                Set<String> needs = new HashSet<>();
                if (random.nextInt(3) == 0) {
                    needs.add(CHAIR_TYPES.get(random.nextInt(2)));
                }
                salon.services.add(new Service(new UUID(2, i + 1), Duration.ofMinutes(duration),
                        Duration.ofMinutes(5 * random.nextInt(4)), Duration.ofMinutes(5 * random.nextInt(4)), offset,
                        processing, needs, performers, overrides));
            }
            int step = List.of(5, 10, 15, 20, 30, 60).get(random.nextInt(6));
            salon.policy = new Policy(Duration.ofMinutes(step), Duration.ofMinutes(15 * random.nextInt(13)),
                    Duration.ofDays(1 + random.nextInt(6)));
            salon.now = windowStart.minus(Duration.ofMinutes(30L * random.nextInt(60)));
            return salon;
        }

        List<VisitItem> randomVisit(Random random) {
            int items = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
            List<VisitItem> visit = new ArrayList<>();
            for (int i = 0; i < items; i++) {
                Service service = services.get(random.nextInt(services.size()));
                UUID chosen = random.nextBoolean()
                        ? service.performers().get(random.nextInt(service.performers().size()))
                        : null;
                visit.add(new VisitItem(service, chosen));
            }
            return visit;
        }

        /** The grid read independently: every wall-clock time on the step, in the window, within the limits. */
        List<Instant> grid() {
            TreeSet<Instant> starts = new TreeSet<>();
            for (Instant t = from.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(); t
                    .isBefore(to.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()); t = t.plusSeconds(60)) {
                LocalDateTime local = LocalDateTime.ofInstant(t, zone);
                if (!local.toLocalDate().isBefore(from) && !local.toLocalDate().isAfter(to)
                        && (local.getHour() * 60 + local.getMinute()) % policy.step().toMinutes() == 0
                        && !t.isBefore(now.plus(policy.leadTime())) && !t.isAfter(now.plus(policy.horizon()))) {
                    starts.add(t);
                }
            }
            return List.copyOf(starts);
        }

        List<Instant> bruteForceStarts(VisitItem item) {
            return bruteForceStarts(item, grid());
        }

        List<Instant> bruteForceStarts(VisitItem item, List<Instant> grid) {
            List<Instant> starts = new ArrayList<>();
            for (Instant start : grid) {
                Duration duration = item.service().durationFor(item.staffId());
                if (everyMinute(new Interval(start, start.plus(duration)), this::open)
                        && staffIntervals(item.service(), start, duration, true).stream()
                                .allMatch(part -> everyMinute(part, t -> working(item.staffId(), t)))) {
                    starts.add(start);
                }
            }
            return starts;
        }

        List<String> bruteForceStartsForAnyone(Service service) {
            List<String> expected = new ArrayList<>();
            for (Instant start : grid()) {
                for (UUID performer : service.performers()) {
                    if (bruteForceStarts(new VisitItem(service, performer), List.of(start)).contains(start)) {
                        expected.add(start + " " + performer);
                    }
                }
            }
            return expected;
        }

        void assertKeepsTheRules(List<VisitItem> visit, Slot slot) {
            LocalDateTime local = LocalDateTime.ofInstant(slot.start(), zone);
            assertThat((local.getHour() * 60 + local.getMinute()) % policy.step().toMinutes()).isZero();
            assertThat(local.getSecond()).isZero();
            assertThat(local.toLocalDate()).isBetween(from, to);
            assertThat(slot.start()).isAfterOrEqualTo(now.plus(policy.leadTime()))
                    .isBeforeOrEqualTo(now.plus(policy.horizon()));
            assertThat(slot.assignments()).hasSize(visit.size());
            Instant cursor = slot.start();
            UUID previous = null;
            Map<UUID, List<Interval>> staffUse = new HashMap<>();
            Map<UUID, List<Interval>> resourceUse = new HashMap<>();
            for (int i = 0; i < visit.size(); i++) {
                VisitItem item = visit.get(i);
                Assignment assignment = slot.assignments().get(i);
                Service service = item.service();
                assertThat(assignment.serviceId()).isEqualTo(service.id());
                assertThat(service.performers()).contains(assignment.staffId());
                if (item.staffId() != null) {
                    assertThat(assignment.staffId()).isEqualTo(item.staffId());
                }
                Duration duration = service.durationFor(assignment.staffId());
                assertThat(assignment.start()).isEqualTo(cursor);
                assertThat(assignment.end()).isEqualTo(cursor.plus(duration));
                assertThat(everyMinute(new Interval(assignment.start(), assignment.end()), this::open))
                        .as("the client's time is within opening hours").isTrue();
                boolean continuing = assignment.staffId().equals(previous);
                for (Interval part : staffIntervals(service, assignment.start(), duration, !continuing)) {
                    assertThat(everyMinute(part, t -> working(assignment.staffId(), t)))
                            .as("stylist free for %s (slot %s)", part, slot).isTrue();
                    for (Interval earlier : staffUse.getOrDefault(assignment.staffId(), List.of())) {
                        Interval clipped = continuing && earlier.end().isAfter(assignment.start())
                                ? (earlier.start().isBefore(assignment.start())
                                        ? new Interval(earlier.start(), assignment.start())
                                        : null)
                                : earlier;
                        assertThat(clipped == null || !clipped.overlaps(part)).isTrue();
                    }
                    staffUse.computeIfAbsent(assignment.staffId(), id -> new ArrayList<>()).add(part);
                }
                assertThat(assignment.resourceIds()).hasSize(service.resourceTypes().size());
                Interval resourceTime = new Interval(assignment.start().minus(service.bufferBefore()),
                        assignment.end().plus(service.bufferAfter()));
                Set<String> typesCovered = new HashSet<>();
                for (UUID resourceId : assignment.resourceIds()) {
                    Resource resource = resources.stream().filter(r -> r.id().equals(resourceId)).findFirst()
                            .orElseThrow();
                    typesCovered.add(resource.type());
                    assertThat(everyMinute(resourceTime,
                            t -> open(t) && resource.taken().stream().noneMatch(x -> x.contains(t))))
                            .as("resource free").isTrue();
                    for (Interval earlier : resourceUse.getOrDefault(resourceId, List.of())) {
                        assertThat(earlier.overlaps(resourceTime)).isFalse();
                    }
                    resourceUse.computeIfAbsent(resourceId, id -> new ArrayList<>()).add(resourceTime);
                }
                assertThat(typesCovered).isEqualTo(service.resourceTypes());
                cursor = assignment.end();
                previous = assignment.staffId();
            }
            assertThat(slot.end()).isEqualTo(cursor);
        }

        /** The stylist's busy time for a service, computed here from the definition. */
        static List<Interval> staffIntervals(Service service, Instant start, Duration duration, boolean buffer) {
            Instant first = buffer ? start.minus(service.bufferBefore()) : start;
            Instant last = start.plus(duration).plus(service.bufferAfter());
            List<Interval> parts = new ArrayList<>();
            Instant pauseFrom = start.plus(service.processingOffset());
            Instant pauseTo = pauseFrom.plus(service.processingLength());
            boolean pause = !service.processingLength().isZero() && !pauseTo.isAfter(start.plus(duration));
            for (Instant t = first; t.isBefore(last); t = t.plusSeconds(60)) {
                if (pause && !t.isBefore(pauseFrom) && t.isBefore(pauseTo)) {
                    continue;
                }
                parts.add(new Interval(t, t.plusSeconds(60)));
            }
            return parts;
        }

        boolean open(Instant t) {
            if (location.closures().stream().anyMatch(c -> c.contains(t))) {
                return false;
            }
            LocalDate date = LocalDateTime.ofInstant(t, zone).toLocalDate();
            for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
                if (location.holidays().contains(d)) {
                    continue;
                }
                for (WeeklySpan span : location.openingHours()) {
                    if (span.appliesOn(d) && span.span().on(d, zone).map(i -> i.contains(t)).orElse(false)) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean working(UUID staffId, Instant t) {
            Staff member = staff.stream().filter(s -> s.id().equals(staffId)).findFirst().orElseThrow();
            if (!open(t) || member.timeOff().stream().anyMatch(x -> x.contains(t))
                    || member.taken().stream().anyMatch(x -> x.contains(t))) {
                return false;
            }
            LocalDate date = LocalDateTime.ofInstant(t, zone).toLocalDate();
            boolean onShift = false;
            for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
                LocalDate day = d;
                for (WeeklySpan pause : member.breaks()) {
                    if (pause.appliesOn(day) && pause.span().on(day, zone).map(i -> i.contains(t)).orElse(false)) {
                        return false;
                    }
                }
                onShift |= member.shifts().stream().anyMatch(s -> s.appliesOn(day)
                        && s.span().on(day, zone).map(i -> i.contains(t)).orElse(false));
                onShift |= member.extraShifts().stream().anyMatch(s -> s.date().equals(day)
                        && s.span().on(day, zone).map(i -> i.contains(t)).orElse(false));
            }
            return onShift;
        }

        static boolean everyMinute(Interval interval, java.util.function.Predicate<Instant> rule) {
            for (Instant t = interval.start(); t.isBefore(interval.end()); t = t.plusSeconds(60)) {
                if (!rule.test(t)) {
                    return false;
                }
            }
            return true;
        }

        static List<WeeklySpan> randomSpans(Random random, DayOfWeek day, LocalDate validFrom, LocalDate validUntil) {
            if (random.nextInt(6) == 0) {
                return List.of(new WeeklySpan(day, new DailySpan(0, DailySpan.DAY), validFrom, validUntil));
            }
            int start = 30 * random.nextInt(24);
            int end = Math.min(DailySpan.DAY, start + 60 * (2 + random.nextInt(12)));
            if (random.nextInt(4) == 0 && end - start >= 240) {
                int middle = start + 120;
                return List.of(new WeeklySpan(day, new DailySpan(start, middle), validFrom, validUntil),
                        new WeeklySpan(day, new DailySpan(middle + 60, end), validFrom, validUntil));
            }
            return List.of(new WeeklySpan(day, new DailySpan(start, end), validFrom, validUntil));
        }

        static List<Interval> randomIntervals(Random random, Instant windowStart, int count, int minMinutes,
                int maxMinutes) {
            List<Interval> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Instant start = windowStart.plus(Duration.ofMinutes(5L * random.nextInt(12 * 24 * 4)));
                int length = minMinutes + 5 * random.nextInt((maxMinutes - minMinutes) / 5 + 1);
                out.add(Interval.of(start, Duration.ofMinutes(length)));
            }
            return out;
        }

        /** A date when the zone's clocks change (alternating spring and autumn), if it has DST. */
        static java.util.Optional<LocalDate> dstChange(ZoneId zone, int run) {
            var transition = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
            if (transition == null) {
                return java.util.Optional.empty();
            }
            if (run % 2 == 1) {
                transition = zone.getRules().nextTransition(transition.getInstant());
            }
            return java.util.Optional.of(transition.getDateTimeBefore().toLocalDate());
        }
    }
}
