package dev.atelier.platform.scheduling.availability;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Worked examples: DST in both directions, half-hour zones, processing time, buffers, several services, resources. */
class AvailabilityEngineTest {

    static final UUID ANNA = new UUID(0, 1);
    static final UUID BEN = new UUID(0, 2);
    static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    static final Policy NO_LEAD = new Policy(Duration.ofMinutes(30), Duration.ZERO, Duration.ofDays(365));

    @Test
    void springForwardInNewYorkHasNoSlotsInTheSkippedHour() {
        LocalDate day = LocalDate.of(2026, 3, 8);
        AvailabilityEngine engine = engine("America/New_York", allDay(), List.of(stylist(ANNA, "01:00", "04:00")),
                List.of(), NO_LEAD);

        assertThat(starts(engine.slots(visit(service(30, ANNA)), day, day, LONG_AGO))).containsExactly(
                "2026-03-08T06:00:00Z", "2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z");
    }

    @Test
    void fallBackInNewYorkOffersTheRepeatedHourTwice() {
        LocalDate day = LocalDate.of(2026, 11, 1);
        AvailabilityEngine engine = engine("America/New_York", allDay(), List.of(stylist(ANNA, "00:00", "03:00")),
                List.of(), new Policy(Duration.ofMinutes(60), Duration.ZERO, Duration.ofDays(365)));

        assertThat(starts(engine.slots(visit(service(60, ANNA)), day, day, LONG_AGO))).containsExactly(
                "2026-11-01T04:00:00Z", "2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z");
    }

    @Test
    void lordHowesHalfHourShiftSkipsOneSlot() {
        LocalDate day = LocalDate.of(2026, 10, 4);
        AvailabilityEngine engine = engine("Australia/Lord_Howe", allDay(),
                List.of(stylist(ANNA, "01:00", "04:00")), List.of(), NO_LEAD);

        // 01:00, 01:30, [02:00 does not exist], 02:30, 03:00, 03:30 — two and a half real hours of shift
        assertThat(engine.slots(visit(service(30, ANNA)), day, day, LONG_AGO)).hasSize(5);
    }

    @Test
    void kolkatasHalfHourOffsetKeepsTheGridOnItsOwnHours() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        AvailabilityEngine engine = engine("Asia/Kolkata", hours("09:00", "12:00"),
                List.of(stylist(ANNA, "08:00", "20:00")), List.of(),
                new Policy(Duration.ofMinutes(60), Duration.ZERO, Duration.ofDays(365)));

        assertThat(starts(engine.slots(visit(service(60, ANNA)), day, day, LONG_AGO)))
                .containsExactly("2026-06-01T03:30:00Z", "2026-06-01T04:30:00Z", "2026-06-01T05:30:00Z");
    }

    @Test
    void theStylistTakesAnotherClientWhileColourDevelops() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        // colour: 90 minutes, the stylist is free from 30 to 75 minutes in
        Service colour = new Service(new UUID(2, 1), Duration.ofMinutes(90), Duration.ZERO, Duration.ZERO,
                Duration.ofMinutes(30), Duration.ofMinutes(45), Set.of(), List.of(ANNA), Map.of());
        Instant tenThirty = Instant.parse("2026-06-01T10:30:00Z");
        Staff busyInTheGap = new Staff(ANNA, shift("09:00", "18:00"), List.of(), List.of(), List.of(),
                List.of(Interval.of(tenThirty, Duration.ofMinutes(45))));
        AvailabilityEngine engine = engine("UTC", hours("09:00", "18:00"), List.of(busyInTheGap), List.of(),
                NO_LEAD);

        List<String> starts = starts(engine.slots(visit(colour, ANNA), day, day, LONG_AGO));

        assertThat(starts).contains("2026-06-01T10:00:00Z").doesNotContain("2026-06-01T09:30:00Z",
                "2026-06-01T10:30:00Z");
    }

    @Test
    void buffersKeepTheirDistanceFromOtherBookings() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        Service withBuffers = new Service(new UUID(2, 2), Duration.ofMinutes(30), Duration.ofMinutes(15),
                Duration.ofMinutes(15), Duration.ZERO, Duration.ZERO, Set.of(), List.of(ANNA), Map.of());
        Staff anna = new Staff(ANNA, shift("09:00", "13:00"), List.of(), List.of(), List.of(),
                List.of(new Interval(Instant.parse("2026-06-01T10:00:00Z"), Instant.parse("2026-06-01T11:00:00Z"))));
        AvailabilityEngine engine = engine("UTC", hours("09:00", "13:00"), List.of(anna), List.of(),
                new Policy(Duration.ofMinutes(15), Duration.ZERO, Duration.ofDays(365)));

        assertThat(starts(engine.slots(visit(withBuffers, ANNA), day, day, LONG_AGO))).containsExactly(
                "2026-06-01T09:15:00Z", "2026-06-01T11:15:00Z", "2026-06-01T11:30:00Z", "2026-06-01T11:45:00Z",
                "2026-06-01T12:00:00Z", "2026-06-01T12:15:00Z");
    }

    @Test
    void aVisitOfTwoServicesMayHaveTwoStylistsBackToBack() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        Service cut = service(45, ANNA);
        Service colour = new Service(new UUID(2, 9), Duration.ofMinutes(60), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Set.of(), List.of(BEN), Map.of());
        AvailabilityEngine engine = engine("UTC", hours("09:00", "12:00"),
                List.of(stylist(ANNA, "09:00", "10:00"), stylist(BEN, "09:00", "12:00")), List.of(), NO_LEAD);

        List<Slot> slots = engine.slots(List.of(new VisitItem(cut, null), new VisitItem(colour, null)), day, day,
                LONG_AGO);

        assertThat(starts(slots)).containsExactly("2026-06-01T09:00:00Z");
        assertThat(slots.getFirst().assignments()).extracting(a -> a.staffId() + "@" + a.start())
                .containsExactly(ANNA + "@2026-06-01T09:00:00Z", BEN + "@2026-06-01T09:45:00Z");
        assertThat(slots.getFirst().end()).isEqualTo(Instant.parse("2026-06-01T10:45:00Z"));
    }

    @Test
    void anyStylistListsEachFreeStylistAndResourcesAreSharedOut() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        Service wash = new Service(new UUID(2, 3), Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Set.of("basin"), List.of(ANNA, BEN), Map.of());
        Instant nine = Instant.parse("2026-06-01T09:00:00Z");
        Staff anna = new Staff(ANNA, shift("09:00", "10:00"), List.of(), List.of(), List.of(),
                List.of(Interval.of(nine, Duration.ofMinutes(30))));
        Resource basin = new Resource(new UUID(1, 1), "basin", List.of());
        Resource takenBasin = new Resource(new UUID(1, 2), "basin", List.of(Interval.of(nine, Duration.ofHours(1))));
        AvailabilityEngine twoBasins = engine("UTC", hours("09:00", "10:00"),
                List.of(anna, stylist(BEN, "09:00", "10:00")), List.of(takenBasin, basin), NO_LEAD);
        AvailabilityEngine oneTakenBasin = engine("UTC", hours("09:00", "10:00"),
                List.of(anna, stylist(BEN, "09:00", "10:00")), List.of(takenBasin), NO_LEAD);

        List<Slot> slots = twoBasins.slots(visit(wash, null), day, day, LONG_AGO);

        assertThat(slots).extracting(s -> s.start() + " " + s.assignments().getFirst().staffId() + " "
                + s.assignments().getFirst().resourceIds()).containsExactly(
                        "2026-06-01T09:00:00Z " + BEN + " [" + basin.id() + "]",
                        "2026-06-01T09:30:00Z " + ANNA + " [" + basin.id() + "]",
                        "2026-06-01T09:30:00Z " + BEN + " [" + basin.id() + "]");
        assertThat(oneTakenBasin.slots(visit(wash, null), day, day, LONG_AGO)).isEmpty();
    }

    @Test
    void leadTimeAndHorizonBoundTheSlots() {
        LocalDate day = LocalDate.of(2026, 6, 1);
        AvailabilityEngine engine = engine("UTC", hours("09:00", "18:00"), List.of(stylist(ANNA, "09:00", "18:00")),
                List.of(), new Policy(Duration.ofMinutes(60), Duration.ofHours(2), Duration.ofHours(5)));
        Instant now = Instant.parse("2026-06-01T08:30:00Z");

        assertThat(starts(engine.slots(visit(service(60, ANNA)), day, day, now)))
                .containsExactly("2026-06-01T11:00:00Z", "2026-06-01T12:00:00Z", "2026-06-01T13:00:00Z");
        assertThat(engine.check(visit(service(60, ANNA)), Instant.parse("2026-06-01T10:00:00Z"), now)).isEmpty();
        assertThat(engine.check(visit(service(60, ANNA)), Instant.parse("2026-06-01T11:00:00Z"), now)).isPresent();
        assertThat(engine.check(visit(service(60, ANNA)), Instant.parse("2026-06-01T11:10:00Z"), now))
                .as("off the grid").isEmpty();
    }

    @Test
    void closuresHolidaysBreaksAndTimeOffTakeTimeAway() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        LocalDate tuesday = monday.plusDays(1);
        Location location = new Location(ZoneId.of("UTC"), weekdays("09:00", "13:00"), Set.of(tuesday),
                List.of(new Interval(Instant.parse("2026-06-01T09:00:00Z"), Instant.parse("2026-06-01T10:00:00Z"))));
        Staff anna = new Staff(ANNA, weekdays("09:00", "13:00"), List.of(),
                List.of(WeeklySpan.every(DayOfWeek.MONDAY, "11:00", "11:30")),
                List.of(new Interval(Instant.parse("2026-06-01T12:00:00Z"), Instant.parse("2026-06-01T13:00:00Z"))),
                List.of());
        AvailabilityEngine engine = new AvailabilityEngine(location, List.of(anna), List.of(), NO_LEAD);

        assertThat(starts(engine.slots(visit(service(30, ANNA)), monday, tuesday, LONG_AGO)))
                .containsExactly("2026-06-01T10:00:00Z", "2026-06-01T10:30:00Z", "2026-06-01T11:30:00Z");
    }

    @Test
    void workingTimeIsShiftsWithinOpeningHoursLessBreaksTimeOffClosuresAndHolidaysButNotBookings() {
        LocalDate monday = LocalDate.of(2026, 6, 1);
        LocalDate tuesday = monday.plusDays(1);
        LocalDate wednesday = monday.plusDays(2);
        Instant busy = Instant.parse("2026-06-01T14:00:00Z");
        Staff anna = new Staff(ANNA, shift("08:00", "18:00"),
                List.of(new DatedSpan(wednesday, DailySpan.of("10:00", "12:00"))),
                hours("12:00", "12:30"), List.of(Interval.of(Instant.parse("2026-06-02T15:00:00Z"),
                        Duration.ofHours(1))),
                List.of(Interval.of(busy, Duration.ofHours(1))));
        AvailabilityEngine engine = new AvailabilityEngine(new Location(ZoneId.of("UTC"), weekdays("09:00", "17:00"),
                Set.of(wednesday.plusDays(1)), List.of(Interval.of(Instant.parse("2026-06-01T16:00:00Z"),
                        Duration.ofHours(3)))),
                List.of(anna), List.of(), NO_LEAD);

        assertThat(engine.workingTime(monday, wednesday.plusDays(1)).get(ANNA)).containsExactly(
                // Monday: the salon opens at nine, the break at noon, closed from four; the booking at two stays
                Interval.of(Instant.parse("2026-06-01T09:00:00Z"), Duration.ofHours(3)),
                Interval.of(Instant.parse("2026-06-01T12:30:00Z"), Duration.ofMinutes(210)),
                // Tuesday: an hour off at three
                Interval.of(Instant.parse("2026-06-02T09:00:00Z"), Duration.ofHours(3)),
                Interval.of(Instant.parse("2026-06-02T12:30:00Z"), Duration.ofMinutes(150)),
                Interval.of(Instant.parse("2026-06-02T16:00:00Z"), Duration.ofHours(1)),
                // Wednesday: the weekly shift and the extra one overlap
                Interval.of(Instant.parse("2026-06-03T09:00:00Z"), Duration.ofHours(3)),
                Interval.of(Instant.parse("2026-06-03T12:30:00Z"), Duration.ofMinutes(270)));
        // Thursday is a holiday
    }

    private static AvailabilityEngine engine(String zone, List<WeeklySpan> opening, List<Staff> staff,
            List<Resource> resources, Policy policy) {
        return new AvailabilityEngine(new Location(ZoneId.of(zone), opening, Set.of(), List.of()), staff, resources,
                policy);
    }

    private static List<WeeklySpan> allDay() {
        return hours("00:00", "24:00");
    }

    private static List<WeeklySpan> hours(String open, String close) {
        List<WeeklySpan> spans = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            spans.add(WeeklySpan.every(day, open, close));
        }
        return spans;
    }

    private static List<WeeklySpan> weekdays(String open, String close) {
        return hours(open, close).stream().filter(s -> s.day().getValue() <= 5).toList();
    }

    private static List<WeeklySpan> shift(String start, String end) {
        return hours(start, end);
    }

    private static Staff stylist(UUID id, String start, String end) {
        return new Staff(id, shift(start, end), List.of(), List.of(), List.of(), List.of());
    }

    private static Service service(int minutes, UUID performer) {
        return new Service(new UUID(2, minutes), Duration.ofMinutes(minutes), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Set.of(), List.of(performer), Map.of());
    }

    private static List<VisitItem> visit(Service service) {
        return List.of(new VisitItem(service, service.performers().getFirst()));
    }

    private static List<VisitItem> visit(Service service, UUID staff) {
        return List.of(new VisitItem(service, staff));
    }

    private static List<String> starts(List<Slot> slots) {
        return slots.stream().map(s -> s.start().toString()).toList();
    }
}
