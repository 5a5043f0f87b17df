package dev.atelier.storefront.journey;

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
import dev.atelier.storefront.Chromium;
import dev.atelier.storefront.StorefrontApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole customer journey on both demo chains in a real headless Chromium, with no JavaScript of ours: home page →
 * salon → service → stylist → day and time → register on the chain's Keycloak page → confirm → the booking and its
 * calendar file → "my bookings" → move it → cancel it. axe-core checks every page on the way, the chain's Keycloak
 * sign-in and registration pages too (no serious or critical violations); screenshots of every step go to
 * {@code target/screenshots/journey/<chain>/}. Aurora is walked in Chinese (switched on its home page), Mayfair in
 * English.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorefrontJourneyBrowserIT {

    static final TestCells CELLS = TestCells.create("journey");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final int PORT = Ports.free();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> "0");
        registry.add("atelier.storefront.url-template", () -> "http://{slug}.localhost:" + PORT);
        // the demo chains, seeded as the local stack seeds them
        registry.add("atelier.demo.enabled", () -> "true");
    }

    @Autowired
    TenantDirectory directory;

    ChromeDriver browser;
    Axe axe;
    final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    void browser() throws Exception {
        axe = Axe.load();
        browser = Chromium.start(1280, 1000);
    }

    @BeforeEach
    void stranger() {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aNewCustomerBooksMovesAndCancelsAtAurora() throws Exception {
        journey("aurora", "zh", "已确认", "已取消");
    }

    @Test
    void aNewCustomerBooksMovesAndCancelsAtMayfair() throws Exception {
        journey("mayfair", "en", "Confirmed", "Cancelled");
    }

    @Test
    void onTheChainsOwnDomainTheBookingIsBrowsedThereAndSignInHappensOnThePlatformsAddress() throws Exception {
        Tenant mayfair = directory.bySlug(Slug.of("mayfair")).orElseThrow();
        try (Connection registry = TestCells.connect(CELLS.database(TestCells.MAIN));
                PreparedStatement insert = registry.prepareStatement("""
                        insert into platform.tenant_domain
                               (domain, tenant_id, verified, verification_token, created_at, verified_at)
                        values ('www.mayfair-rooms.test', ?, true, 'token', now(), now())
                        """)) {
            insert.setObject(1, mayfair.id().value());
            insert.executeUpdate();
        }
        directory.evict(mayfair);

        // the browser resolves *.test to this machine (see Chromium), as DNS would point the domain at the platform
        String own = "http://www.mayfair-rooms.test:" + PORT;
        browser.get(own + "/book");
        assertThat(browser.findElement(By.cssSelector("link[rel=canonical]")).getAttribute("href"))
                .isEqualTo("https://www.mayfair-rooms.test/book");
        assertThat(browser.findElements(By.cssSelector(".choices a"))).hasSize(3);

        // signing in returns only to addresses the platform controls: the chain's address on the platform
        browser.get(own + "/my/bookings");
        waitFor(By.id("atelier-register")).click();
        waitFor(By.id("kc-register-form"));
        register("own.domain@customers.test", "Dora");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> driver.getCurrentUrl().startsWith(home("mayfair") + "/my/bookings"));
        Chromium.screenshot(browser, Path.of("target", "screenshots", "journey", "mayfair"), "20-own-domain");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My bookings");
    }

    @Test
    void theTwoChainsLookLikeThemselves() throws Exception {
        assertThat(colourOfHeader("aurora")).isEqualTo("rgb(122, 31, 92)");
        assertThat(colourOfHeader("mayfair")).isEqualTo("rgb(27, 67, 50)");
    }

    private String colourOfHeader(String chain) {
        browser.get(home(chain));
        return browser.findElement(By.tagName("header")).getCssValue("background-color").replace("rgba", "rgb")
                .replace(", 1)", ")");
    }

    private void journey(String chain, String language, String confirmed, String cancelled) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots", "journey", chain));
        browser.get(home(chain) + "/?lang=" + (language.equals("zh") ? "zh-CN" : "en"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).startsWith(language);
        step(shots, "01-home");

        go(By.cssSelector("header a.book"));
        step(shots, "02-salons");
        go(By.cssSelector(".choices a"));

        step(shots, "03-services");
        browser.findElement(By.cssSelector("input[name=service]")).click();
        go(By.cssSelector("form button[type=submit].primary"));

        step(shots, "04-stylist");
        List<WebElement> stylists = browser.findElements(By.cssSelector("input[name=stylist]"));
        assertThat(stylists).hasSizeGreaterThan(1);
        String stylistName = browser.findElement(By.cssSelector("label[for=stylist-0]")).getText();
        stylists.get(1).click();
        go(By.cssSelector("form button[type=submit].primary"));

        // a week ahead, so the booking may still be moved under the chain's free-cancellation policy
        go(By.cssSelector(".days a:last-child"));
        firstDayWithTimes();
        step(shots, "05-time");
        WebElement time = browser.findElement(By.cssSelector(".times a"));
        String chosenTime = time.getText();
        go(time);

        // not signed in: the chain's own Keycloak page, where a new customer registers
        waitFor(By.id("atelier-register"));
        step(shots, "06-sign-in");
        browser.findElement(By.id("atelier-register")).click();
        waitFor(By.id("kc-register-form"));
        step(shots, "06-register");
        register("journey." + chain + "@customers.test", chain.equals("aurora") ? "美玲" : "Ada");

        // back on the storefront, where the booking waits for its confirmation
        waitFor(By.id("confirm"));
        assertThat(browser.getCurrentUrl()).startsWith(home(chain) + "/book/confirm");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(stylistName).contains(chosenTime);
        step(shots, "07-confirm");
        go(By.id("confirm"));

        waitFor(By.cssSelector(".notice"));
        assertThat(browser.getCurrentUrl()).contains("/my/bookings/").contains("booked");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(confirmed);
        String bookedWhen = browser.findElement(By.id("when")).getText();
        assertThat(bookedWhen).contains(chosenTime);
        step(shots, "08-booked");
        String bookingPath = browser.getCurrentUrl().replace(home(chain), "").replaceAll("\\?.*$", "");
        assertCalendarFile(chain, bookingPath);

        go(By.linkText(language.equals("zh") ? "我的预约" : "My bookings"));
        step(shots, "09-my-bookings");
        go(By.cssSelector(".bookings a[href='" + bookingPath + "']"));

        go(By.id("reschedule"));
        firstDayWithMoves();
        step(shots, "10-move");
        WebElement newTime = browser.findElement(By.cssSelector("input[name=start]"));
        String newTimeText = browser.findElement(By.cssSelector("label[for=" + newTime.getAttribute("id") + "]"))
                .getText();
        newTime.click();
        go(By.id("move"));
        waitFor(By.cssSelector(".notice"));
        assertThat(browser.findElement(By.id("when")).getText()).contains(newTimeText).isNotEqualTo(bookedWhen);
        step(shots, "11-moved");

        go(By.id("cancel"));
        waitFor(By.id("status"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(cancelled);
        assertThat(browser.findElements(By.id("cancel"))).isEmpty();
        step(shots, "12-cancelled");

        browser.findElement(By.cssSelector("form.sign-out button")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(driver -> driver.getCurrentUrl().equals(home(chain) + "/"));
        } catch (org.openqa.selenium.TimeoutException e) {
            shot(shots, "13-sign-out-failed");
            throw new AssertionError("signing out ended at " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
        assertThat(browser.findElements(By.cssSelector("a[href='/sign-in']"))).hasSize(1);
        shot(shots, "13-signed-out");
        browser.get(home(chain) + "/my/bookings");
        waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).as("signed out of Keycloak too").doesNotStartWith(home(chain));

        assertThat(accessibility).as("serious or critical accessibility violations").isEmpty();
    }

    /** Fills in and sends the chain's Keycloak registration form the browser shows. */
    private void register(String email, String firstName) {
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("firstName")).sendKeys(firstName);
        browser.findElement(By.id("password")).sendKeys("a-long-password");
        browser.findElement(By.id("password-confirm")).sendKeys("a-long-password");
        browser.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
    }

    /** The time page for the first day (of the next fortnight) with a free time. */
    private void firstDayWithTimes() {
        for (int i = 0; i < 14 && browser.findElements(By.cssSelector(".times a")).isEmpty(); i++) {
            nextDay();
        }
        assertThat(browser.findElements(By.cssSelector(".times a"))).as("free times").isNotEmpty();
    }

    private void firstDayWithMoves() {
        for (int i = 0; i < 14 && browser.findElements(By.cssSelector("input[name=start]")).isEmpty(); i++) {
            nextDay();
        }
        assertThat(browser.findElements(By.cssSelector("input[name=start]"))).as("times to move to").isNotEmpty();
    }

    /** Follows the day picker to the day after the one shown. */
    private void nextDay() {
        List<WebElement> days = browser.findElements(By.cssSelector(".days a"));
        for (int i = 0; i < days.size() - 1; i++) {
            if ("date".equals(days.get(i).getAttribute("aria-current"))) {
                go(days.get(i + 1));
                return;
            }
        }
        go(days.getLast());
    }

    /** The add-to-calendar link answers an iCalendar event for the signed-in customer only. */
    private void assertCalendarFile(String chain, String bookingPath) {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        Http http = new Http(PORT);
        Http.Response ics = http.send("GET", chain + ".localhost", bookingPath + "/calendar.ics", null, "Cookie",
                "JSESSIONID=" + session.getValue());
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT\r\n", "DTSTART:",
                "STATUS:CONFIRMED", "UID:" + bookingPath.substring(bookingPath.lastIndexOf('/') + 1));
        Http.Response stranger = http.get(chain + ".localhost", bookingPath + "/calendar.ics");
        assertThat(stranger.status()).isEqualTo(302);
        assertThat(stranger.header("Location")).endsWith("/sign-in");
    }

    private void step(Path shots, String name) throws Exception {
        shot(shots, name);
        axe.seriousViolations(browser).forEach(violation -> accessibility.add(name + ": " + violation));
    }

    private void shot(Path shots, String name) throws Exception {
        Chromium.screenshot(browser, shots, name);
    }

    /** Clicks something that leaves the page, and waits until the page has gone. */
    private void go(WebElement link) {
        WebElement page = browser.findElement(By.tagName("html"));
        link.click();
        untilGone(page);
    }

    /**
     * Clicks what {@code link} finds once the page is complete; if the document was still being replaced when it
     * was found (a redirect finishing), the click fails and the link is found again on the page that stays. Only a
     * click that did not happen is tried again.
     */
    private void go(By link) {
        for (int attempt = 1;; attempt++) {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "complete".equals(
                    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
            WebElement page = browser.findElement(By.tagName("html"));
            try {
                waitFor(link).click();
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3 || !replaced(e)) {
                    throw e;
                }
                continue;
            }
            untilGone(page);
            return;
        }
    }

    private void untilGone(WebElement page) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (replaced(e)) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Whether the browser said the element's document is no longer the one shown. */
    private static boolean replaced(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    private WebElement waitFor(By element) {
        return Chromium.waitFor(browser, element);
    }

    private static String home(String chain) {
        return "http://" + chain + ".localhost:" + PORT;
    }
}
