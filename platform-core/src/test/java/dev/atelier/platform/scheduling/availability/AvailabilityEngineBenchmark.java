package dev.atelier.platform.scheduling.availability;

import dev.atelier.platform.scheduling.availability.AvailabilityEngine.Slot;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine.VisitItem;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The availability engine alone on a busy location: Europe/London, 30 stylists on weekly shifts with lunch breaks,
 * 40 services (each done by about half the stylists, some with processing time and buffers, some needing one of
 * 8 chairs or 4 basins), 3,000 existing bookings over the 14 days asked for. Sample time per request, so the report
 * gives p50 and p99. The baseline, in the same run, is building the same free timelines without searching slots.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AvailabilityEngineBenchmark {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate FROM = LocalDate.of(2026, 12, 7);
    static final LocalDate TO = FROM.plusDays(13);
    static final Instant NOW = FROM.minusDays(1).atStartOfDay(LONDON).toInstant();

    AvailabilityEngine engine;
    List<VisitItem> oneServiceAnyStylist;
    List<VisitItem> oneServiceOneStylist;
    List<VisitItem> threeServicesAnyStylist;

    @Setup
    public void salon() {
        Random random = new Random(7);
        List<WeeklySpan> opening = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            opening.add(WeeklySpan.every(day, "09:00", day == DayOfWeek.SUNDAY ? "17:00" : "21:00"));
        }
        Location location = new Location(LONDON, opening, Set.of(FROM.plusDays(10)), List.of());
        List<UUID> staffIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            staffIds.add(new UUID(0, i + 1));
        }
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            resources.add(new Resource(new UUID(1, i + 1), "chair", List.of()));
        }
        for (int i = 0; i < 4; i++) {
            resources.add(new Resource(new UUID(1, 100 + i), "basin", List.of()));
        }
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int minutes = 30 + 15 * random.nextInt(7);
            boolean processing = minutes >= 75 && random.nextInt(3) == 0;
            List<UUID> performers = new ArrayList<>();
            for (UUID id : staffIds) {
                if (random.nextBoolean()) {
                    performers.add(id);
                }
            }
            Map<UUID, Duration> overrides = new HashMap<>();
            overrides.put(performers.getFirst(), Duration.ofMinutes(minutes + 15));
            services.add(new Service(new UUID(2, i + 1), Duration.ofMinutes(minutes),
                    Duration.ofMinutes(5 * random.nextInt(3)), Duration.ofMinutes(5 * random.nextInt(4)),
                    processing ? Duration.ofMinutes(20) : Duration.ZERO,
                    processing ? Duration.ofMinutes(30) : Duration.ZERO,
                    i % 5 == 0 ? Set.of("basin") : i % 3 == 0 ? Set.of("chair") : Set.of(), performers, overrides));
        }
        Map<UUID, List<Interval>> taken = new HashMap<>();
        for (int booking = 0; booking < 3_000; booking++) {
            UUID stylist = staffIds.get(random.nextInt(staffIds.size()));
            LocalDate date = FROM.plusDays(random.nextInt(14));
            Instant start = date.atTime(9, 0).atZone(LONDON).toInstant()
                    .plus(Duration.ofMinutes(15L * random.nextInt(44)));
            taken.computeIfAbsent(stylist, id -> new ArrayList<>())
                    .add(Interval.of(start, Duration.ofMinutes(30 + 15 * random.nextInt(5))));
        }
        List<Staff> staff = new ArrayList<>();
        for (UUID id : staffIds) {
            List<WeeklySpan> shifts = new ArrayList<>();
            List<WeeklySpan> breaks = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.getValue() != 1 + (int) (id.getLeastSignificantBits() % 7)) {
                    shifts.add(WeeklySpan.every(day, "09:00", "19:00"));
                    breaks.add(WeeklySpan.every(day, "13:00", "13:45"));
                }
            }
            staff.add(new Staff(id, shifts, List.of(), breaks, List.of(), taken.getOrDefault(id, List.of())));
        }
        engine = new AvailabilityEngine(location, staff, resources, Policy.DEFAULT);
        oneServiceAnyStylist = List.of(new VisitItem(services.get(3), null));
        oneServiceOneStylist = List.of(new VisitItem(services.get(3), services.get(3).performers().getFirst()));
        threeServicesAnyStylist = List.of(new VisitItem(services.get(0), null), new VisitItem(services.get(1), null),
                new VisitItem(services.get(2), null));
    }

    @Benchmark
    public List<Slot> fourteenDaysOneServiceAnyStylist() {
        return engine.slots(oneServiceAnyStylist, FROM, TO, NOW);
    }

    @Benchmark
    public List<Slot> fourteenDaysOneServiceOneStylist() {
        return engine.slots(oneServiceOneStylist, FROM, TO, NOW);
    }

    @Benchmark
    public List<Slot> fourteenDaysThreeServicesAnyStylist() {
        return engine.slots(threeServicesAnyStylist, FROM, TO, NOW);
    }

    /** Baseline: only the free timelines of the 14 days (no slot search). */
    @Benchmark
    public Object baselineFreeTimelinesOnly() {
        return engine.freeTimelines(FROM.minusDays(1), TO.plusDays(2));
    }
}
