package dev.atelier.portal.bench;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.testing.browser.Chromium;
import dev.atelier.platform.testing.browser.Lighthouse;
import dev.atelier.portal.TenantPortalApplication;
import dev.atelier.portal.web.PortalClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Lighthouse (npm {@code lighthouse}, installed under {@code target/lighthouse} on first use) with its desktop preset on
 * the back office's front-desk calendar and reports screens, as the demo chain's owner: one tab of Chromium signs in
 * (Keycloak's page, PKCE) and Lighthouse audits each screen in that tab, so each audited load includes the app's
 * silent sign-in round trip through Keycloak's single sign-on; a report that ends anywhere but the back office fails
 * the run. Scores go to
 * {@code target/benchmarks/back-office-lighthouse.md}. Run with {@code ./atelier mvn -pl tenant-portal -am verify
 * -Dit.test=BackOfficeLighthouseBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip}. Not part of the test suite.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class BackOfficeLighthouseBenchmark {

    static final TestCells CELLS = TestCells.create("bench_portal_lighthouse");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final int PORT = Ports.free();
    static final Path HOME = Path.of("target", "lighthouse");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        PortalClient.serveAt(registry, PORT);
        registry.add("atelier.demo.enabled", () -> "true");
    }

    @Test
    void calendarAndReports() throws Exception {
        Lighthouse lighthouse = Lighthouse.install(HOME);
        PortalClient.allowReturnsTo(KEYCLOAK, PORT);
        ChromeDriver browser = Chromium.start(1350, 940);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> chrome = (Map<String, Object>) browser.getCapabilities().getCapability(
                    "goog:chromeOptions");
            String debugger = String.valueOf(chrome.get("debuggerAddress"));
            int port = Integer.parseInt(debugger.substring(debugger.lastIndexOf(':') + 1));

            Map<String, String> screens = new LinkedHashMap<>();
            screens.put("front desk (calendar)", "http://localhost:" + PORT + "/");
            screens.put("reports", "http://localhost:" + PORT + "/#reports");
            List<Lighthouse.Visits> reports = lighthouse.auditSignedIn(port, true, new Lighthouse.SignIn(
                    "http://localhost:" + PORT + "/", "owner@aurora.test", "aurora-owner-2026",
                    "#calendar .ec-header"), List.copyOf(screens.values()));
            List<String> lines = new ArrayList<>(
                    List.of("# Lighthouse " + Lighthouse.VERSION + " on the back office", "",
                            "Desktop preset, Debian Chromium headless, signed in as the demo chain's owner; machine: "
                                    + Runtime.getRuntime().availableProcessors() + " cores.",
                            "",
                            "| screen | visit | performance | accessibility | FCP | LCP | TBT | CLS | bytes |",
                            "|---|---|---|---|---|---|---|---|---|"));
            Files.createDirectories(Path.of("target", "benchmarks"));
            int index = 0;
            for (String screen : screens.keySet()) {
                Lighthouse.Visits visits = reports.get(index++);
                int visit = 0;
                for (JsonNode report : List.of(visits.first(), visits.again())) {
                    String kind = visit++ == 0 ? "first (cache empty)" : "again";
                    Files.writeString(Path.of("target", "benchmarks", "back-office-lighthouse-" + index + "-"
                            + visit + ".json"), report.toString());
                    if (!report.get("finalDisplayedUrl").asString().startsWith(screens.get(screen))) {
                        throw new IllegalStateException("Lighthouse audited " + report.get("finalDisplayedUrl")
                                + ", not the back office's " + screen);
                    }
                    JsonNode audits = report.get("audits");
                    lines.add(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %s | %s | %s | %s | %s |", screen,
                            kind, 100 * report.get("categories").get("performance").get("score").asDouble(),
                            100 * report.get("categories").get("accessibility").get("score").asDouble(),
                            audits.get("first-contentful-paint").get("displayValue").asString(),
                            audits.get("largest-contentful-paint").get("displayValue").asString(),
                            audits.get("total-blocking-time").get("displayValue").asString(),
                            audits.get("cumulative-layout-shift").get("displayValue").asString(),
                            audits.get("total-byte-weight").get("displayValue").asString()));
                }
            }
            Path out = Path.of("target", "benchmarks", "back-office-lighthouse.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, String.join("\n", lines) + "\n");
            System.out.println(String.join("\n", lines));
        } finally {
            browser.quit();
        }
    }
}
