package dev.atelier.storefront.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.browser.Chromium;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole customer journey on both demo chains in a real headless Chromium, with no JavaScript of ours: home page →
 * salon → service → stylist → day and time → register on the chain's Keycloak page → confirm → the booking and its
 * calendar file → "my bookings" → move it → cancel it → choose how to be told. axe-core checks every page on the way, the chain's Keycloak
 * sign-in and registration pages too (no serious or critical violations); screenshots of every step go to
 * {@code target/screenshots/journey/<chain>/}. Aurora is walked in Chinese (switched on its home page), Mayfair in
 * English.
 */
class StorefrontJourneyBrowserIT extends DemoChainsInChromium {

    @Autowired
    TenantDirectory directory;

    @Test
    void aNewCustomerBooksMovesAndCancelsAtAurora() throws Exception {
        journey("aurora", "zh", "女士剪发 Women's cut", "已确认", "已取消");
    }

    @Test
    void aNewCustomerBooksMovesAndCancelsAtMayfair() throws Exception {
        journey("mayfair", "en", "Cut and finish", "Confirmed", "Cancelled");
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
        Walk walk = new Walk(browser, axe, Path.of("target", "screenshots", "journey", "mayfair"));
        browser.get(own + "/book");
        assertThat(browser.findElement(By.cssSelector("link[rel=canonical]")).getAttribute("href"))
                .isEqualTo("https://www.mayfair-rooms.test/book");
        assertThat(browser.findElements(By.cssSelector(".choices a"))).hasSize(3);

        // signing in returns only to addresses the platform controls: the chain's address on the platform
        browser.get(own + "/my/bookings");
        walk.waitFor(By.id("atelier-register")).click();
        walk.waitFor(By.id("kc-register-form"));
        walk.register("own.domain@customers.test", "Dora");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> driver.getCurrentUrl().startsWith(home("mayfair") + "/my/bookings"));
        walk.shot("20-own-domain");
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

    private void journey(String chain, String language, String service, String confirmed, String cancelled)
            throws Exception {
        Walk walk = new Walk(browser, axe, Path.of("target", "screenshots", "journey", chain));
        browser.get(home(chain) + "/?lang=" + (language.equals("zh") ? "zh-CN" : "en"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).startsWith(language);
        walk.step("01-home");

        walk.go(By.cssSelector("header a.book"));
        walk.step("02-salons");
        walk.go(By.cssSelector(".choices a"));

        walk.step("03-services");
        // a service paid at the salon (paying ahead is the payment journey's)
        WebElement label = browser.findElement(By.xpath("//label[normalize-space(.)=\"" + service + "\"]"));
        browser.findElement(By.id(label.getAttribute("for"))).click();
        walk.go(By.cssSelector("form button[type=submit].primary"));

        walk.step("04-stylist");
        List<WebElement> stylists = browser.findElements(By.cssSelector("input[name=stylist]"));
        assertThat(stylists).hasSizeGreaterThan(1);
        String stylistName = browser.findElement(By.cssSelector("label[for=stylist-0]")).getText();
        stylists.get(1).click();
        walk.go(By.cssSelector("form button[type=submit].primary"));

        // a week ahead, so the booking may still be moved under the chain's free-cancellation policy
        walk.go(By.cssSelector(".days a:last-child"));
        walk.firstDayWithTimes();
        walk.step("05-time");
        WebElement time = browser.findElement(By.cssSelector(".times a"));
        String chosenTime = time.getText();
        walk.go(time);

        // not signed in: the chain's own Keycloak page, where a new customer registers
        walk.waitFor(By.id("atelier-register"));
        walk.step("06-sign-in");
        browser.findElement(By.id("atelier-register")).click();
        walk.waitFor(By.id("kc-register-form"));
        walk.step("06-register");
        walk.register("journey." + chain + "@customers.test", chain.equals("aurora") ? "美玲" : "Ada");

        // back on the storefront, where the booking waits for its confirmation
        walk.waitFor(By.id("confirm"));
        assertThat(browser.getCurrentUrl()).startsWith(home(chain) + "/book/confirm");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(stylistName).contains(chosenTime);
        walk.step("07-confirm");
        walk.go(By.id("confirm"));

        walk.waitFor(By.cssSelector(".notice"));
        assertThat(browser.getCurrentUrl()).contains("/my/bookings/").contains("booked");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(confirmed);
        String bookedWhen = browser.findElement(By.id("when")).getText();
        assertThat(bookedWhen).contains(chosenTime);
        walk.step("08-booked");
        String bookingPath = browser.getCurrentUrl().replace(home(chain), "").replaceAll("\\?.*$", "");
        assertCalendarFile(chain, bookingPath);

        walk.go(By.linkText(language.equals("zh") ? "我的预约" : "My bookings"));
        walk.step("09-my-bookings");
        walk.go(By.cssSelector(".bookings a[href='" + bookingPath + "']"));

        walk.go(By.id("reschedule"));
        walk.firstDayWithMoves();
        walk.step("10-move");
        WebElement newTime = browser.findElement(By.cssSelector("input[name=start]"));
        String newTimeText = browser.findElement(By.cssSelector("label[for=" + newTime.getAttribute("id") + "]"))
                .getText();
        newTime.click();
        walk.go(By.id("move"));
        walk.waitFor(By.cssSelector(".notice"));
        assertThat(browser.findElement(By.id("when")).getText()).contains(newTimeText).isNotEqualTo(bookedWhen);
        walk.step("11-moved");

        walk.go(By.id("cancel"));
        walk.waitFor(By.id("status"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo(cancelled);
        assertThat(browser.findElements(By.id("cancel"))).isEmpty();
        walk.step("12-cancelled");

        // how the chain keeps in touch: texts off, offers on, quiet hours at night
        walk.go(By.cssSelector("nav.account a[href='/my/preferences']"));
        walk.waitFor(By.id("save"));
        assertThat(browser.findElement(By.id("channel-email")).isSelected()).as("email until chosen").isTrue();
        assertThat(browser.findElement(By.id("channel-sms")).isSelected()).as("SMS until chosen").isTrue();
        assertThat(browser.findElement(By.id("marketing")).isSelected()).as("no offers until chosen").isFalse();
        walk.stepAtBothWidths("13-preferences");
        browser.findElement(By.id("channel-sms")).click();
        browser.findElement(By.id("marketing")).click();
        browser.findElement(By.id("quiet")).click();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('quiet-from').value = '22:30';"
                        + "document.getElementById('quiet-to').value = '07:45';");
        walk.go(By.id("save"));
        walk.waitFor(By.cssSelector(".notice"));
        assertThat(browser.findElement(By.id("channel-email")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("channel-sms")).isSelected()).as("texts off, kept").isFalse();
        assertThat(browser.findElement(By.id("marketing")).isSelected()).as("offers on, kept").isTrue();
        assertThat(browser.findElement(By.id("quiet")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("quiet-from")).getAttribute("value")).isEqualTo("22:30");
        assertThat(browser.findElement(By.id("quiet-to")).getAttribute("value")).isEqualTo("07:45");
        walk.step("14-preferences-saved");

        browser.findElement(By.cssSelector("form.sign-out button")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(driver -> driver.getCurrentUrl().equals(home(chain) + "/"));
        } catch (org.openqa.selenium.TimeoutException e) {
            walk.shot("15-sign-out-failed");
            throw new AssertionError("signing out ended at " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
        assertThat(browser.findElements(By.cssSelector("a[href='/sign-in']"))).hasSize(1);
        walk.shot("15-signed-out");
        browser.get(home(chain) + "/my/bookings");
        walk.waitFor(By.id("username"));
        assertThat(browser.getCurrentUrl()).as("signed out of Keycloak too").doesNotStartWith(home(chain));

        assertThat(walk.accessibility).as("serious or critical accessibility violations").isEmpty();
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
}
