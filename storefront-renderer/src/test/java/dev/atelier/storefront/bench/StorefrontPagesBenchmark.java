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
import dev.atelier.platform.theme.Theme;
import dev.atelier.platform.theme.Themes;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storefront's home page and the booking flow's time-choice page over HTTP, flat out at {@value #CLIENTS} and at
 * {@value #PACED_CLIENTS} connections of {@code wrk} (outside the app's JVM): one chain with three salons, 12 stylists
 * and 20 services in its own theme. The baseline in the same run is the storefront's static stylesheet served by the
 * same app. Results go to
 * {@code target/benchmarks/storefront-pages.md}. Run with {@code ./atelier mvn -pl storefront-renderer -am verify
 * -Dit.test=StorefrontPagesBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip}. Not part of the test suite.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorefrontPagesBenchmark {

    static final int CLIENTS = 50;
    /** Fewer connections, as a shop's real traffic arrives: the latency a visitor sees when the app is not saturated. */
    static final int PACED_CLIENTS = 8;
    static final int THREADS = 2;
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    static final TestCells CELLS = TestCells.create("bench_pages");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 16);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    @Autowired
    Themes themes;

    @Test
    void pagesAgainstAStaticFile() throws Exception {
        Tenant chain = fixture.chain("bench-pages");
        UUID[] firstSalonAndService = new UUID[2];
        TenantContext.asTenant(chain, () -> {
            List<UUID> stylists = new ArrayList<>();
            for (String salon : List.of("Soho", "Camden", "Chelsea")) {
                UUID location = fixture.location(salon, LocalTime.of(9, 0), LocalTime.of(20, 0));
                if (firstSalonAndService[0] == null) {
                    firstSalonAndService[0] = location;
                }
                for (int i = 0; i < 4; i++) {
                    UUID stylist = fixture.stylist(salon.toLowerCase() + i + "@bench-pages.test", location);
                    stylists.add(stylist);
                    fixture.weekly(stylist, location, StaffShift.Kind.SHIFT, DayOfWeek.MONDAY, 540, 1140);
                }
            }
            for (int s = 0; s < 20; s++) {
                UUID service = fixture.service("Service " + s, 30 + 15 * (s % 5), 5, true,
                        stylists.subList(0, 1 + s % 12));
                if (s == 3) {
                    firstSalonAndService[1] = service;
                }
            }
            themes.set(new Theme("Bench Pages", "https://img.test/logo.svg", "#1d3557", "#f4d35e", Theme.Font.SERIF,
                    12, "https://img.test/hero.jpg", "Cut, colour, care", Theme.Layout.SPLIT, Theme.Sections.ALL,
                    ".tagline{letter-spacing:.02em}"));
        });
        Map<String, String> host = Map.of("Host", "bench-pages.localhost");
        List<Wrk.Request> css = List.of(new Wrk.Request("GET", "/assets/site.css", host, null));
        List<Wrk.Request> home = List.of(new Wrk.Request("GET", "/", host, null));
        // the booking flow's time choice: every stylist able to do the service, on a day they work
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        String timePath = "/book/time?location=" + firstSalonAndService[0] + "&service=" + firstSalonAndService[1]
                + "&stylist=any&date=" + monday;
        List<Wrk.Request> time = List.of(new Wrk.Request("GET", timePath, host, null));
        Http.Response timePage = new Http(port).get("bench-pages.localhost", timePath);
        if (timePage.status() != 200 || !timePage.body().contains("class=\"times\"")) {
            throw new IllegalStateException("the time page shows no times: " + timePage.status());
        }

        List<String> lines = new ArrayList<>(List.of("# Storefront pages over HTTP", "",
                "wrk on " + THREADS + " threads, " + MEASURE.toSeconds() + " s after " + WARM_UP.toSeconds()
                        + " s warm-up; machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + Runtime.version().feature() + ". Time page: `" + timePath.replaceAll("=[0-9a-f-]{36}",
                                "=…")
                        + "`.",
                "", "| connections | request | requests/s | p50 | p90 | p99 | vs static |",
                "|---|---|---|---|---|---|---|"));
        for (int connections : List.of(CLIENTS, PACED_CLIENTS)) {
            Wrk.run(port, css, connections, THREADS, WARM_UP);
            Wrk.Result baseline = Wrk.run(port, css, connections, THREADS, MEASURE);
            lines.add("| " + connections + " " + baseline.row("baseline: GET /assets/site.css (static)") + " 1.00 |");
            for (Map.Entry<String, List<Wrk.Request>> page : List.of(Map.entry("GET / (home page)", home),
                    Map.entry("GET /book/time (time choice)", time))) {
                Wrk.run(port, page.getValue(), connections, THREADS, WARM_UP);
                Wrk.Result result = Wrk.run(port, page.getValue(), connections, THREADS, MEASURE);
                lines.add("| " + connections + " " + result.row(page.getKey()) + " %.2f |".formatted(
                        result.requestsPerSecond() / baseline.requestsPerSecond()));
            }
        }
        Path report = Path.of("target", "benchmarks", "storefront-pages.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }
}
