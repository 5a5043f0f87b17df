package dev.atelier.storefront.bench;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.testing.Wrk;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Booking creation throughput across tenants: {@value #CLIENTS} connections of {@code wrk} (a native process
 * outside the app's JVM) book distinct free times over HTTP ({@code POST /api/v1/bookings}, each with its own key) at
 * {@value #TENANTS} chains for the measured time; the
 * baseline in the same run is plain INSERTs of booking rows into the same table by as many JDBC clients. Results go
 * to {@code target/benchmarks/booking-throughput.md}. Run with {@code ./atelier mvn -pl storefront-renderer -am
 * verify -Dit.test=BookingThroughputBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip}. Not part of the test suite.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookingThroughputBenchmark {

    static final int TENANTS = 4;
    static final int STYLISTS = 8;
    static final int CLIENTS = 32;
    static final int THREADS = 2;
    static final int MEASURED_REQUESTS = 40_000;
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    static final TestCells CELLS = TestCells.create("bench_booking");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 16);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("atelier.rate-limits.public-writes-per-minute", () -> 10_000);
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    /** One chain's salon: its host, location, service, stylists. */
    record Chain(Tenant tenant, String host, UUID location, UUID service, List<UUID> stylists, String token) {
    }

    @Test
    void bookingsPerSecondAgainstPlainInserts() throws Exception {
        Http http = new Http(port);
        List<Chain> chains = new ArrayList<>();
        for (int t = 0; t < TENANTS; t++) {
            String slug = "bench-book-" + t;
            Tenant tenant = fixture.chain(slug);
            UUID[] ids = new UUID[2];
            List<UUID> stylists = new ArrayList<>();
            TenantContext.asTenant(tenant, () -> {
                ids[0] = fixture.location("Always open", LocalTime.MIDNIGHT, LocalTime.of(23, 59));
                for (int i = 0; i < STYLISTS; i++) {
                    UUID stylist = fixture.stylist("stylist" + i + "@" + slug + ".test", ids[0]);
                    stylists.add(stylist);
                    for (DayOfWeek day : DayOfWeek.values()) {
                        fixture.weekly(stylist, ids[0], StaffShift.Kind.SHIFT, day, 0, 1440);
                    }
                }
                ids[1] = fixture.service("Quick trim", 15, 0, true, stylists);
            });
            String email = "client@" + slug + ".test";
            http.post(slug + ".localhost", "/api/v1/customers", """
                    {"name":"Client","email":"%s","password":"a-long-password"}""".formatted(email));
            chains.add(new Chain(tenant, slug + ".localhost", ids[0], ids[1], stylists,
                    KEYCLOAK.accessToken("atelier", "atelier-dev", email, "a-long-password", "openid")));
        }
        LocalDate first = LocalDate.now(LONDON).plusDays(7);
        // each request books its own free time: chain, stylist and 15-minute slot differ from every other's
        List<Wrk.Request> warmUp = bookings(chains, first, 0, 6_000);
        List<Wrk.Request> measured = bookings(chains, first, 6_000, MEASURED_REQUESTS);
        Wrk.run(port, warmUp, CLIENTS, THREADS, WARM_UP);
        Wrk.Result result = Wrk.run(port, measured, CLIENTS, THREADS, MEASURE);
        if (result.requests() > measured.size()) {
            throw new IllegalStateException("more requests than prepared bookings: raise MEASURED_REQUESTS");
        }
        long stored = 0;
        for (Chain chain : chains) {
            stored += Long.parseLong(CELLS.column(chain.tenant(), "select count(*) from booking").getFirst());
        }
        Chain target = chains.getFirst();
        List<Connection> connections = new ArrayList<>();
        int inserted = run(c -> {
            try {
                Connection connection = TestCells.connect(CELLS.database(target.tenant().placement().cell()));
                connections.add(connection);
                try (Statement schema = connection.createStatement()) {
                    schema.execute("set search_path to " + target.tenant().placement().schema().quoted());
                }
                PreparedStatement insert = connection.prepareStatement("""
                        insert into booking (id, guest_name, location_id, status, source, starts_at, ends_at,
                                             price_amount, price_currency, created_at, updated_at)
                        values (?, 'Baseline', ?, 'CONFIRMED', 'STAFF', ?, ?, 30, 'GBP', now(), now())""");
                return n -> {
                    Instant start = Instant.parse("2030-01-01T00:00:00Z").plusSeconds(60L * (c * 1_000_000L + n));
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, target.location());
                    insert.setTimestamp(3, Timestamp.from(start));
                    insert.setTimestamp(4, Timestamp.from(start.plusSeconds(900)));
                    insert.executeUpdate();
                };
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        for (Connection connection : connections) {
            connection.close();
        }

        double bookings = result.requestsPerSecond();
        double inserts = inserted / (double) MEASURE.toSeconds();
        List<String> lines = List.of("# Booking throughput", "",
                "Bookings: wrk, " + CLIENTS + " connections on " + THREADS + " threads, " + TENANTS + " chains, "
                        + MEASURE.toSeconds() + " s after " + WARM_UP.toSeconds()
                        + " s warm-up (p50 %.1f ms, p99 %.1f ms; "
                                .formatted(result.p50Millis(), result.p99Millis())
                        + stored + " bookings stored in all); "
                        + "INSERTs: " + CLIENTS + " JDBC clients, " + MEASURE.toSeconds() + " s; machine: "
                        + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version().feature()
                        + ".",
                "",
                "| what | per second | ratio to plain INSERTs |", "|---|---|---|",
                "| baseline: plain INSERT of a booking row (JDBC, autocommit, one connection per client) | %.0f | 1.00 |"
                        .formatted(inserts),
                "| POST /api/v1/bookings (HTTP, engine check, items, busy stretches, outbox, audit, idempotency) "
                        + "| %.0f | %.4f |".formatted(bookings, bookings / inserts));
        Path report = Path.of("target", "benchmarks", "booking-throughput.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    /** Bookings {@code from}…{@code from + count - 1}, each of its own chain, stylist and slot (95 a day: the salon closes at 23:59). */
    private static List<Wrk.Request> bookings(List<Chain> chains, LocalDate first, int from, int count) {
        List<Wrk.Request> requests = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            Chain chain = chains.get(n % TENANTS);
            UUID stylist = chain.stylists().get((n / TENANTS) % STYLISTS);
            int slot = n / (TENANTS * STYLISTS);
            String start = first.plusDays(slot / 95).atStartOfDay(LONDON).plusMinutes(15L * (slot % 95)).toInstant()
                    .toString();
            requests.add(new Wrk.Request("POST", "/api/v1/bookings", Map.of("Host", chain.host(), "Content-Type",
                    "application/json", "Authorization", "Bearer " + chain.token(), "Idempotency-Key", "bench-" + n),
                    """
                            {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}]}"""
                            .formatted(chain.location(), start, chain.service(), stylist)));
        }
        return requests;
    }

    /** One unit of work: the {@code n}th by its client. */
    interface Step {
        void run(int n) throws Exception;
    }

    /** Runs {@link #CLIENTS} clients, each doing its steps one after another, for the measured time; the count. */
    private static int run(java.util.function.IntFunction<Step> clientSteps) throws Exception {
        Instant end = Instant.now().plus(MEASURE);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Step step = clientSteps.apply(c);
            clients.add(pool.submit(() -> {
                int done = 0;
                while (Instant.now().isBefore(end)) {
                    step.run(done);
                    done++;
                }
                return done;
            }));
        }
        int total = 0;
        for (Future<Integer> client : clients) {
            total += client.get();
        }
        pool.shutdown();
        return total;
    }
}
