package dev.atelier.storefront.bench;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.testing.Wrk;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code GET /api/v1/availability} over HTTP at {@value #CLIENTS} concurrent clients: one location, 12 stylists on
 * weekly rotas, 20 services, one day per request (the storefront's time-choice question), random service and day
 * within three weeks. The baseline in the same run is {@code GET /actuator/health} (no database) at the same
 * concurrency. The load comes from {@code wrk} (Debian package), a native process outside the app's JVM, from 2,000
 * prepared random questions: flat out (each connection asks again at once: the most the app answers) and paced (each
 * waits {@link #THINK_TIME} between answer and question: the latency of 50 clients at a brisk human pace).
 * p50/p90/p99 and throughput go to {@code target/benchmarks/availability-http.md}. Run with
 * {@code ./atelier mvn -pl storefront-renderer -am verify -Dit.test=AvailabilityLoadBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip}. Not part
 * of the test suite.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AvailabilityLoadBenchmark {

    static final int CLIENTS = 50;
    static final int THREADS = 2;
    /** How long a paced client waits between an answer and its next question. */
    static final Duration THINK_TIME = Duration.ofMillis(100);
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    static final TestCells CELLS = TestCells.create("bench_availability");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 16);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    @Test
    void availabilityUnderFiftyClients() throws Exception {
        Tenant salon = fixture.chain("bench-avail");
        List<UUID> serviceIds = new ArrayList<>();
        UUID[] location = new UUID[1];
        TenantContext.asTenant(salon, () -> {
            location[0] = fixture.location("Soho", LocalTime.of(9, 0), LocalTime.of(20, 0));
            List<UUID> stylists = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                UUID stylist = fixture.stylist("stylist" + i + "@bench-avail.test", location[0]);
                stylists.add(stylist);
                for (DayOfWeek day : DayOfWeek.values()) {
                    if (day.getValue() != 1 + i % 7) {
                        fixture.weekly(stylist, location[0], StaffShift.Kind.SHIFT, day, 540, 1140);
                        fixture.weekly(stylist, location[0], StaffShift.Kind.BREAK, day, 780, 825);
                    }
                }
            }
            Random random = new Random(3);
            for (int s = 0; s < 20; s++) {
                List<UUID> performers = stylists.stream().filter(id -> random.nextBoolean()).toList();
                serviceIds.add(fixture.service("Service " + s, 30 + 15 * (s % 5), 5 * (s % 3), true,
                        performers.isEmpty() ? stylists : performers));
            }
        });
        LocalDate today = LocalDate.now(LONDON);
        Random random = new Random(7);
        List<Wrk.Request> questions = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            LocalDate day = today.plusDays(1 + random.nextInt(21));
            questions.add(get("/api/v1/availability?locationId=" + location[0] + "&serviceId="
                    + serviceIds.get(random.nextInt(serviceIds.size())) + "&from=" + day + "&to=" + day));
        }
        List<Wrk.Request> health = List.of(get("/actuator/health"));

        List<String> lines = new ArrayList<>();
        lines.add("# Availability over HTTP");
        lines.add("");
        lines.add("wrk, " + CLIENTS + " connections on " + THREADS + " threads, " + MEASURE.toSeconds()
                + " s after " + WARM_UP.toSeconds() + " s warm-up; machine: "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version().feature() + ".");
        lines.add("");
        lines.add("| request | requests/s | p50 | p90 | p99 |");
        lines.add("|---|---|---|---|---|");
        Wrk.run(port, health, CLIENTS, THREADS, WARM_UP);
        lines.add(Wrk.run(port, health, CLIENTS, THREADS, MEASURE).row("baseline: GET /actuator/health"));
        Wrk.run(port, questions, CLIENTS, THREADS, WARM_UP);
        lines.add(Wrk.run(port, questions, CLIENTS, THREADS, MEASURE)
                .row("GET /api/v1/availability (one day, any stylist), flat out"));
        Wrk.Result paced = Wrk.run(port, questions, CLIENTS, THREADS, MEASURE, THINK_TIME);
        lines.add(paced.row("GET /api/v1/availability (one day, any stylist), each client waiting "
                + THINK_TIME.toMillis() + " ms between answer and next question"));
        Path report = Path.of("target", "benchmarks", "availability-http.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    private static Wrk.Request get(String path) {
        return new Wrk.Request("GET", path, Map.of("Host", "bench-avail.localhost"), null);
    }
}
