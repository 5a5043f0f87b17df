package dev.atelier.storefront.bench;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.testing.browser.Lighthouse;
import dev.atelier.storefront.StorefrontApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lighthouse (npm {@code lighthouse}, installed under {@code target/lighthouse} on first use, run with the system
 * Chromium) on both demo chains' home page and booking pages: the salon choice, the services, and the time choice.
 * Lighthouse's defaults: a mid-range phone on a throttled mobile connection (simulated). Scores for performance and
 * accessibility go to {@code target/benchmarks/lighthouse.md}. Run with {@code ./atelier mvn -pl storefront-renderer
 * -am verify -Dit.test=StorefrontLighthouseBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip}. Not part of the test suite.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class StorefrontLighthouseBenchmark {

    static final TestCells CELLS = TestCells.create("bench_lighthouse");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final int PORT = Ports.free();
    static final Path HOME = Path.of("target", "lighthouse");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> "0");
        registry.add("atelier.storefront.url-template", () -> "http://{slug}.localhost:" + PORT);
        registry.add("atelier.demo.enabled", () -> "true");
    }

    @Test
    void homeAndBookingPages() throws Exception {
        Lighthouse lighthouse = Lighthouse.install(HOME);
        List<String> lines = new ArrayList<>(List.of("# Lighthouse " + Lighthouse.VERSION + " on the storefront", "",
                "Defaults (mobile, simulated throttling), Debian Chromium headless; machine: "
                        + Runtime.getRuntime().availableProcessors() + " cores.",
                "",
                "| chain | page | performance | accessibility | LCP | TBT | CLS |", "|---|---|---|---|---|---|---|"));
        for (String chain : List.of("aurora", "mayfair")) {
            for (Map.Entry<String, String> page : pages(chain).entrySet()) {
                JsonNode report = lighthouse.audit("http://" + chain + ".localhost:" + PORT + page.getValue(),
                        "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage");
                JsonNode audits = report.get("audits");
                lines.add(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %s | %s | %s |", chain,
                        page.getKey(), 100 * report.get("categories").get("performance").get("score").asDouble(),
                        100 * report.get("categories").get("accessibility").get("score").asDouble(),
                        audits.get("largest-contentful-paint").get("displayValue").asString(),
                        audits.get("total-blocking-time").get("displayValue").asString(),
                        audits.get("cumulative-layout-shift").get("displayValue").asString()));
            }
        }
        Path out = Path.of("target", "benchmarks", "lighthouse.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    /** Home, the salon choice, the first salon's services, and its time choice for the first service next Monday. */
    private Map<String, String> pages(String chain) {
        JsonNode catalog = JSON.readTree(new Http(PORT).get(chain + ".localhost", "/api/v1/catalog").body());
        JsonNode salon = catalog.get("locations").get(0);
        String location = salon.get("id").asString();
        String service = null;
        for (JsonNode member : catalog.get("staff")) {
            if (service == null && member.get("locationIds").toString().contains(location)
                    && !member.get("serviceIds").isEmpty()) {
                service = member.get("serviceIds").get(0).asString();
            }
        }
        LocalDate monday = LocalDate.now(ZoneId.of(salon.get("timezone").asString()))
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("booking: salon", "/book");
        pages.put("booking: services", "/book?location=" + location);
        pages.put("booking: time", "/book/time?location=" + location + "&service=" + service + "&stylist=any&date="
                + monday);
        return pages;
    }
}
