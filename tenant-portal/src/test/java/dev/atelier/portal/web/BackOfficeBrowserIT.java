package dev.atelier.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.testing.browser.Axe;
import dev.atelier.platform.testing.browser.Chromium;
import dev.atelier.portal.TenantPortalApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The back office in a real headless Chromium against the portal as {@code ./atelier up} runs it (the demo chains
 * seeded, Keycloak's own sign-in page, the app built by Maven): an owner signs in with PKCE at the realm's portal
 * client and sees the front desk's calendar of the first salon, a column per stylist and every booking of the day in
 * it; a stylist sees only their own column. Screens are shot at desktop and phone widths in both languages
 * ({@code target/screenshots/back-office/}) and checked by axe-core.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackOfficeBrowserIT {

    static final TestCells CELLS = TestCells.create("backoffice");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    /** A fixed port, since the portal client lets sign-in return only to the addresses it names. */
    static final int PORT = Ports.free();
    static final Path SHOTS = Path.of("target", "screenshots", "back-office");
    static final Dimension PHONE = new Dimension(390, 844);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> "0");
        registry.add("atelier.web.local-mode", () -> "true");
        registry.add("atelier.web.public-url", () -> "http://localhost:" + PORT);
        registry.add("atelier.demo.enabled", () -> "true");
    }

    ChromeDriver browser;
    Axe axe;
    Http http;
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    void browser() throws Exception {
        // the realm's portal client names the local stack's address; this run's portal is on another port
        try (Keycloak admin = KEYCLOAK.adminClient()) {
            var clients = admin.realm("atelier").clients();
            ClientRepresentation portal = clients.findByClientId("atelier-portal").getFirst();
            List<String> redirects = new ArrayList<>(portal.getRedirectUris());
            redirects.add("http://localhost:" + PORT + "/*");
            portal.setRedirectUris(redirects);
            List<String> origins = new ArrayList<>(portal.getWebOrigins());
            origins.add("http://localhost:" + PORT);
            portal.setWebOrigins(origins);
            portal.getAttributes().put("post.logout.redirect.uris", "http://localhost:" + PORT + "/*");
            clients.get(portal.getId()).update(portal);
        }
        http = new Http(PORT);
        axe = Axe.load();
        browser = Chromium.start(1280, 900);
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOwnerSeesTheFrontDeskCalendarAndAStylistOnlyTheirOwnDiary() throws Exception {
        String owner = KEYCLOAK.accessToken("atelier", "atelier-dev", "owner@aurora.test", "aurora-owner-2026",
                "openid organization");
        JsonNode locations = get(owner, "/api/v1/locations");
        JsonNode first = locations.get(0);
        ZoneId zone = ZoneId.of(first.get("timezone").asString());
        // the first day from the salon's today with bookings on it (the demo books the weeks around now)
        int ahead = 0;
        int items = 0;
        for (; ahead < 14 && items == 0; ahead++) {
            String day = LocalDate.now(zone).plusDays(ahead).toString();
            for (JsonNode entry : get(owner, "/api/v1/bookings?from=" + day + "&to=" + day + "&locationId="
                    + first.get("id").asString())) {
                if (!List.of("CANCELLED", "EXPIRED").contains(entry.get("status").asString())) {
                    items += entry.get("items").size();
                }
            }
        }
        assertThat(items).as("the demo salon has bookings within a fortnight").isPositive();
        int days = ahead - 1;
        List<String> stylists = new ArrayList<>();
        for (JsonNode member : get(owner, "/api/v1/staff")) {
            if (member.get("status").asString().equals("ACTIVE")
                    && member.get("role").asString().equals("STYLIST")
                    && member.get("locationIds").toString().contains(first.get("id").asString())) {
                stylists.add(member.get("name").asString());
            }
        }
        assertThat(stylists).as("the demo salon has stylists").isNotEmpty();

        signIn("owner@aurora.test", "aurora-owner-2026");
        Chromium.waitFor(browser, By.cssSelector("#calendar .ec-resource, #calendar .ec-header"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isIn("Front desk", "前台");
        assertThat(browser.findElement(By.cssSelector("#calendar .ec-title")).getText()).as("the salon's today")
                .contains(String.valueOf(LocalDate.now(zone).getDayOfMonth()));
        for (int i = 0; i < days; i++) {
            browser.findElement(By.cssSelector("#calendar .ec-next")).click();
        }
        int expected = items;
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver
                .findElements(By.cssSelector("#calendar .ec-event.booking")).size() == expected);
        String headers = browser.findElement(By.id("calendar")).getText();
        assertThat(stylists).allMatch(headers::contains);
        everyWay("01-front-desk");

        browser.findElement(By.xpath("//button[normalize-space()='Sign out' or normalize-space()='退出登录']"))
                .click();
        Chromium.waitFor(browser, By.id("username"));
        signIn("stylist1@aurora.test", "aurora-staff-2026");
        Chromium.waitFor(browser, By.cssSelector("#calendar .ec-header"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isIn("My diary", "我的日程");
        String mine = browser.findElement(By.cssSelector(".who")).getText();
        assertThat(mine).isNotBlank();
        List<String> shown = stylists.stream().filter(browser.findElement(By.id("calendar")).getText()::contains)
                .toList();
        assertThat(shown).as("only their own column").hasSize(1);
        everyWay("02-stylist-diary");

        assertThat(violations).as("serious or critical accessibility violations").isEmpty();
    }

    private void signIn(String email, String password) {
        browser.get("http://localhost:" + PORT + "/");
        Chromium.waitFor(browser, By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    /** The screen at desktop and phone widths, in English and in Chinese (the app's own language switch). */
    private void everyWay(String name) throws Exception {
        for (int language = 0; language < 2; language++) {
            String lang = browser.findElement(By.tagName("html")).getAttribute("lang");
            shot(name + "-" + lang);
            Dimension desktop = browser.manage().window().getSize();
            browser.manage().window().setSize(PHONE);
            try {
                shot(name + "-" + lang + "-phone");
            } finally {
                browser.manage().window().setSize(desktop);
            }
            browser.findElement(By.xpath("//button[normalize-space()='中文' or normalize-space()='English']"))
                    .click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !lang.equals(driver.findElement(
                    By.tagName("html")).getAttribute("lang")));
        }
    }

    private void shot(String name) throws Exception {
        Thread.sleep(300);
        Chromium.screenshot(browser, SHOTS, name);
        axe.seriousViolations(browser).forEach(found -> violations.add(name + ": " + found));
    }

    private JsonNode get(String token, String path) {
        Http.Response response = http.send("GET", "localhost", path, null, "Authorization", "Bearer " + token);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return response.json();
    }

}
