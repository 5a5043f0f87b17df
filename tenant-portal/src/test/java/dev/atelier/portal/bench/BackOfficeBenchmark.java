package dev.atelier.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.testing.browser.Chromium;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import dev.atelier.portal.web.PortalClient;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The back office's heavy reads at the sizes the issue names, through the portal's HTTP API against real PostgreSQL
 * and Keycloak: a chain of 10 salons of 30 stylists with a year of ≈150,000 bookings, and 1,500 more in one salon's
 * week ahead (30 stylists, ten visits a day each, Monday to Friday), seeded in SQL. Measures the diary API for that week, every report over the year, and the visits CSV
 * of ≥100,000 rows streamed while the server's heap is sampled; each against a baseline measured in the same run
 * ({@code GET /api/v1/me}, and {@code select count(*)} of the bookings). Writes {@code target/benchmarks/back-office.md}.
 * Run with {@code ./atelier mvn -pl tenant-portal -am verify -Dit.test=BackOfficeBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip
 * -Dweb.skip}. Not part of the test suite.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class BackOfficeBenchmark {

    static final TestCells CELLS = TestCells.create("bench_backoffice");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final int LOCATIONS = 10;
    static final int STYLISTS_PER_LOCATION = 30;
    static final int BOOKINGS_PER_DAY_PER_LOCATION = 41;
    static final int RUNS = 20;
    /** A fixed port, since the portal client lets sign-in return only to the addresses it names. */
    static final int PORT = Ports.free();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 8);
        TestIdentity.register(registry, KEYCLOAK);
        PortalClient.serveAt(registry, PORT);
    }

    final int port = PORT;

    @Autowired
    TenantDirectory directory;

    @Test
    void heavyReads() throws Exception {
        Chains chains = new Chains(new Http(port), KEYCLOAK);
        String slug = "bench-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        String ownerEmail = chains.signUp(slug);
        String owner = chains.token(ownerEmail);
        String service = chains.addService(owner, "Cut");
        Tenant tenant = directory.bySlug(Slug.of(slug)).orElseThrow();
        LocalDate first = LocalDate.now().minusDays(364);
        long seeding = System.nanoTime();
        seed(tenant, service, first);
        double seeded = (System.nanoTime() - seeding) / 1e9;
        long bookings = Long.parseLong(CELLS.column(tenant, "select count(*) from booking").getFirst());
        String location = CELLS.column(tenant, "select id from location where name = 'Salon 01'").getFirst();

        Http http = new Http(port);
        Supplier<Http.Response> me = () -> http.send("GET", "localhost", "/api/v1/me", null, "Authorization",
                "Bearer " + owner);
        LocalDate monday = busyMonday();
        String week = "/api/v1/bookings?from=" + monday + "&to=" + monday.plusDays(6) + "&locationId=" + location;
        Supplier<Http.Response> diary = () -> http.send("GET", "localhost", week, null, "Authorization",
                "Bearer " + owner);
        int weekBookings = diary.get().json().size();
        List<Long> meTimes = times(me);
        List<Long> diaryTimes = times(diary);

        StringBuilder table = new StringBuilder();
        String year = "?from=" + first + "&to=" + first.plusDays(364);
        long countStart = System.nanoTime();
        CELLS.column(tenant, "select count(*), sum(price_amount) from booking");
        long baseline = (System.nanoTime() - countStart) / 1_000;
        for (String report : List.of("revenue", "utilisation", "attendance", "rebooking", "customers", "top-services",
                "staff")) {
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Http.Response answer = http.send("GET", "localhost", "/api/v1/reports/" + report + year, null,
                        "Authorization", "Bearer " + owner);
                micros.add((System.nanoTime() - start) / 1_000);
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            }
            List<Long> sorted = micros.stream().sorted().toList();
            table.append("| `%s` | %d ms | %d ms | %.1f× |%n".formatted(report, sorted.get(2) / 1000,
                    sorted.getLast() / 1000, sorted.get(2) / (double) baseline));
        }

        // the full export, streamed: the server's heap sampled all along, for a month's and for the year's rows
        String month = "?from=" + first + "&to=" + first.plusDays(29);
        Export small = export(owner, month);
        Export large = export(owner, year);
        assertThat(large.rows()).as("rows").isGreaterThanOrEqualTo(100_000);

        // the week view of the busiest week in a browser: from the click that shows it until all its bookings are drawn
        double[] weekView = weekView(ownerEmail, weekBookings, Integer.parseInt(CELLS.column(tenant, """
                select count(*) from booking b join location l on l.id = b.location_id and l.name = 'Salon 01'
                 where b.status <> 'CANCELLED' and (b.starts_at at time zone 'Asia/Shanghai')::date
                       between cast('%s' as date) and cast('%s' as date)""".formatted(busyMonday().minusWeeks(1),
                busyMonday().minusDays(1))).getFirst()));

        String out = """
                # Back office: diary, reports and export at size

                Chain of %d salons, %d stylists each; %,d bookings over 365 days (seeded in SQL in %.0f s); the diary
                week holds %,d bookings of %d stylists at one salon. Machine: %d cores (`nproc`), Java %s, embedded
                PostgreSQL of the test harness.

                ## Diary API for one salon's week (%d calls each, sequential)

                | what | p50 | p95 | max |
                |---|---|---|---|
                | `GET /api/v1/bookings` (week, one salon) | %.1f ms | %.1f ms | %.1f ms |
                | baseline: `GET /api/v1/me` | %.1f ms | %.1f ms | %.1f ms |

                Ratio of p95s: %.1f×.

                ## Reports over the year (5 runs each; baseline `select count(*), sum(price_amount) from booking`: %d ms)

                | report | median | max | median ÷ baseline |
                |---|---|---|---|
                %s
                ## The week view in Chromium (desktop 1,600 × 1,000, headless)

                | week | bookings drawn | from the click to the last drawn (median of 3) |
                |---|---|---|
                | the busiest week (30 stylists) | %,d | %.0f ms |
                | baseline: the week before | %,d | %.0f ms |

                Ratio: %.1f×. Measured in the page (`performance.now()` from the toolbar click to the animation frame
                after the last booking's element appears), signed in through Keycloak as the chain's owner.

                ## Every visit as CSV, streamed

                | export | rows | bytes | time | most live heap above its level before the request |
                |---|---|---|---|---|
                | a month | %,d | %,d | %.1f s | %,d KiB |
                | the year | %,d | %,d | %.1f s | %,d KiB |

                Live heap: used right after a full collection forced every 100 ms during the download (which slows
                it); one JVM runs the portal and the client's counting reader, both before and during.
                """
                .formatted(LOCATIONS, STYLISTS_PER_LOCATION, bookings, seeded, weekBookings, STYLISTS_PER_LOCATION,
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), RUNS,
                        ms(diaryTimes, 50), ms(diaryTimes, 95), diaryTimes.getLast() / 1000.0, ms(meTimes, 50),
                        ms(meTimes,
                                95),
                        meTimes.getLast() / 1000.0, ms(diaryTimes, 95) / ms(meTimes, 95), baseline / 1000,
                        table, weekBookings, weekView[0], (int) weekView[2], weekView[1], weekView[0] / weekView[1],
                        small.rows(), small.bytes(), small.seconds(), small.heapKib(), large.rows(),
                        large.bytes(),
                        large.seconds(), large.heapKib());
        Path file = Path.of("target/benchmarks/back-office.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out);
        System.out.println(out);
    }

    record Export(long rows, long bytes, double seconds, long heapKib) {
    }

    /**
     * {busiest week's ms, the week before's ms, the week before's bookings}: the owner signed in, the busy salon
     * chosen, the week view moved onto each week three times.
     */
    private double[] weekView(String ownerEmail, int busy, int before) throws Exception {
        PortalClient.allowReturnsTo(KEYCLOAK, PORT);
        ChromeDriver browser = Chromium.start(1600, 1000);
        try {
            browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
            browser.get("http://localhost:" + PORT + "/");
            Chromium.waitFor(browser, By.id("username")).sendKeys(ownerEmail);
            browser.findElement(By.id("password")).sendKeys(Chains.PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            Chromium.waitFor(browser, By.cssSelector("#calendar .ec-header"));
            Chromium.waitFor(browser, By.xpath("//select[@id='location']/option[normalize-space()='Salon 01']"))
                    .click();
            Chromium.waitFor(browser, By.cssSelector("#calendar .ec-header"));
            Chromium.waitFor(browser, By.xpath("//button[normalize-space()='Week' or normalize-space()='周']")).click();
            // to the week before the busiest one
            long weeks = java.time.temporal.ChronoUnit.WEEKS.between(LocalDate.now().with(java.time.DayOfWeek.MONDAY),
                    busyMonday().minusWeeks(1));
            for (long i = 0; i < weeks; i++) {
                browser.findElement(By.cssSelector("#calendar .ec-next")).click();
            }
            List<Double> busyTimes = new ArrayList<>();
            List<Double> beforeTimes = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                busyTimes.add(drawn(browser, ".ec-next", busy));
                beforeTimes.add(drawn(browser, ".ec-prev", before));
            }
            busyTimes.sort(null);
            beforeTimes.sort(null);
            return new double[]{busyTimes.get(1), beforeTimes.get(1), before};
        } finally {
            browser.quit();
        }
    }

    /** Milliseconds from clicking {@code button} until {@code expected} bookings are drawn, one frame later. */
    private static double drawn(ChromeDriver browser, String button, int expected) {
        Object ms = browser.executeAsyncScript("""
                const [button, expected, done] = arguments;
                const start = performance.now();
                document.querySelector('#calendar ' + button).click();
                const check = () => {
                  const drawn = document.querySelectorAll('#calendar .ec-event.booking').length;
                  if (drawn === expected) {
                    requestAnimationFrame(() => done(performance.now() - start));
                  } else {
                    requestAnimationFrame(check);
                  }
                };
                requestAnimationFrame(check);""", button, expected);
        return ((Number) ms).doubleValue();
    }

    /** Downloads the visits CSV for {@code period}, counting lines as they come, sampling the heap meanwhile. */
    private Export export(String owner, String period) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicBoolean sampling = new AtomicBoolean(true);
        // what stays alive while the rows stream: the heap right after a full collection, every 100 ms
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (sampling.get()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        HttpResponse<InputStream> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/reports/visits.csv" + period)).header("Authorization",
                        "Bearer " + owner)
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        try (InputStream body = csv.body()) {
            byte[] buffer = new byte[65_536];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampling.set(false);
        sampler.join();
        assertThat(csv.statusCode()).isEqualTo(200);
        return new Export(lines - 1, bytes, seconds, Math.max(0, peak.get() - heapBefore) / 1024);
    }

    private static List<Long> times(Supplier<Http.Response> call) {
        for (int i = 0; i < 5; i++) {
            assertThat(call.get().status()).isEqualTo(200);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Http.Response answer = call.get();
            micros.add((System.nanoTime() - start) / 1_000);
            assertThat(answer.status()).isEqualTo(200);
        }
        return micros.stream().sorted().toList();
    }

    private static double ms(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    /**
     * Ten salons, 30 stylists each with a weekly rota, 20,000 customers, and for every day of the year 41 bookings a
     * salon (≈150,000), with their items, in statuses as a year leaves them.
     */
    private static void seed(Tenant tenant, String service, LocalDate first) throws Exception {
        CELLS.update(tenant, """
                insert into location (id, name, timezone, address_line1, address_city, address_region,
                                      address_postal_code, address_country, latitude, longitude, phone, created_at,
                                      updated_at)
                select gen_random_uuid(), 'Salon ' || lpad(n::text, 2, '0'), 'Asia/Shanghai', n || ' Road', 'Shanghai',
                       '', '200000', 'CN', 31.2, 121.4, '+86 21 5555 0000', now(), now()
                  from generate_series(1, %d) n""".formatted(LOCATIONS));
        CELLS.update(tenant, """
                insert into staff_membership (id, user_id, name, email, role, status, created_at, updated_at)
                select gen_random_uuid(), 'bench-' || l.name || '-' || n, l.name || ' stylist ' || n,
                       'stylist' || n || '-' || replace(l.name, ' ', '') || '@bench.test', 'STYLIST', 'ACTIVE', now(),
                       now()
                  from location l cross join generate_series(1, %d) n""".formatted(STYLISTS_PER_LOCATION));
        CELLS.update(tenant, """
                insert into staff_location (staff_id, location_id)
                select m.id, l.id from staff_membership m join location l on m.name like l.name || ' stylist %%'""");
        CELLS.update(tenant, """
                insert into staff_shift (id, staff_id, location_id, kind, day, start_minute, end_minute)
                select gen_random_uuid(), sl.staff_id, sl.location_id, 'SHIFT', d, 540, 1080
                  from staff_location sl cross join generate_series(1, 6) d""");
        CELLS.update(tenant, """
                insert into customer (id, user_id, name, email, created_at, last_seen_at)
                select gen_random_uuid(), 'bench-customer-' || n, 'Customer ' || n, 'c' || n || '@bench.test', now(),
                       now() from generate_series(1, 20000) n""");
        CELLS.update(tenant,
                """
                        create table bench_seed as
                        with l as (select id, row_number() over (order by name) as ln, timezone from location),
                             s as (select sl.staff_id, sl.location_id,
                                          row_number() over (partition by sl.location_id order by sl.staff_id) as sn
                                     from staff_location sl),
                             c as (select id, row_number() over (order by id) as cn from customer)
                        select gen_random_uuid() as id, l.id as location_id, s.staff_id, c.id as customer_id,
                               ((cast('%s' as date) + d) + make_interval(mins => 540 + (k / %d) * 60)) at time zone l.timezone
                                   as starts_at,
                               case when abs(hashtext(d || ':' || k)) %% 20 = 0 then 'NO_SHOW'
                                    when abs(hashtext(d || ':' || k)) %% 20 = 1 then 'CANCELLED'
                                    when cast('%s' as date) + d < current_date then 'COMPLETED' else 'CONFIRMED' end as status
                          from l cross join generate_series(0, 364) d cross join generate_series(0, %d) k
                          join s on s.location_id = l.id and s.sn = 1 + (k %% %d)
                          join c on c.cn = 1 + (abs(hashtext(l.ln || ':' || d || ':' || k)) %% 20000)"""
                        .formatted(first, STYLISTS_PER_LOCATION,
                                first, BOOKINGS_PER_DAY_PER_LOCATION - 1, STYLISTS_PER_LOCATION));
        CELLS.update(tenant, """
                insert into booking (id, customer_id, location_id, status, source, starts_at, ends_at, price_amount,
                                     price_currency, created_at, updated_at)
                select id, customer_id, location_id, status, 'ONLINE', starts_at, starts_at + interval '45 minutes',
                       180.00, 'CNY', now(), now() from bench_seed;
                insert into booking_item (id, booking_id, position, service_id, staff_id, starts_at, ends_at,
                                          price_amount)
                select gen_random_uuid(), id, 0, '%s', staff_id, starts_at, starts_at + interval '45 minutes', 180.00
                  from bench_seed""".formatted(service));
        // the busiest salon's week: 30 stylists, Monday to Friday, ten 45-minute visits a day each (1,500)
        CELLS.update(tenant,
                """
                        drop table bench_seed;
                        create table bench_seed as
                        select gen_random_uuid() as id, s.location_id, s.staff_id,
                               (select id from customer order by id offset (abs(hashtext(s.staff_id::text || d || h)) %% 20000)
                                limit 1) as customer_id,
                               ((cast('%s' as date) + d) + make_interval(hours => h)) at time zone 'Asia/Shanghai' as starts_at
                          from staff_location s join location l on l.id = s.location_id and l.name = 'Salon 01'
                         cross join generate_series(0, 4) d cross join generate_series(9, 18) h;
                        insert into booking (id, customer_id, location_id, status, source, starts_at, ends_at, price_amount,
                                             price_currency, created_at, updated_at)
                        select id, customer_id, location_id, 'CONFIRMED', 'ONLINE', starts_at, starts_at + interval '45 minutes',
                               180.00, 'CNY', now(), now() from bench_seed;
                        insert into booking_item (id, booking_id, position, service_id, staff_id, starts_at, ends_at,
                                                  price_amount)
                        select gen_random_uuid(), id, 0, '%s', staff_id, starts_at, starts_at + interval '45 minutes', 180.00
                          from bench_seed;
                        analyze"""
                        .formatted(busyMonday(), service));
    }

    /** The Monday of the busiest week: one in the future, so the year's visits of that salon stay where they are. */
    static LocalDate busyMonday() {
        return LocalDate.now().plusWeeks(2).with(java.time.DayOfWeek.MONDAY);
    }
}
