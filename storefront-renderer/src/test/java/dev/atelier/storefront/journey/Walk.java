package dev.atelier.storefront.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.testing.browser.Axe;
import dev.atelier.platform.testing.browser.Chromium;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A customer's walk through the storefront in the browser tests' Chromium: following links and buttons that leave
 * the page (and waiting until the page has gone), the booking steps every journey shares, and a screenshot and an
 * axe-core check of each step; the serious and critical violations found are collected.
 */
final class Walk {

    /** A phone's viewport (an iPhone 15's CSS pixels). */
    static final Dimension PHONE = new Dimension(393, 852);

    private final ChromeDriver browser;
    private final Axe axe;
    private final Path shots;
    final List<String> accessibility = new ArrayList<>();

    Walk(ChromeDriver browser, Axe axe, Path shots) {
        this.browser = browser;
        this.axe = axe;
        this.shots = shots;
    }

    /** A screenshot of the page as it is, and its accessibility checked. */
    void step(String name) throws Exception {
        shot(name);
        axe.seriousViolations(browser).forEach(violation -> accessibility.add(name + ": " + violation));
    }

    /** {@link #step} at the window's size and again at a phone's. */
    void stepAtBothWidths(String name) throws Exception {
        step(name);
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(PHONE);
        try {
            step(name + "-phone");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    void shot(String name) throws Exception {
        Chromium.screenshot(browser, shots, name);
    }

    /** Fills in and sends the chain's Keycloak registration form the browser shows. */
    void register(String email, String firstName) {
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("firstName")).sendKeys(firstName);
        browser.findElement(By.id("password")).sendKeys("a-long-password");
        browser.findElement(By.id("password-confirm")).sendKeys("a-long-password");
        browser.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();
    }

    /** The time page for the first day (of the next fortnight) with a free time. */
    void firstDayWithTimes() {
        for (int i = 0; i < 14 && browser.findElements(By.cssSelector(".times a")).isEmpty(); i++) {
            nextDay();
        }
        assertThat(browser.findElements(By.cssSelector(".times a"))).as("free times").isNotEmpty();
    }

    void firstDayWithMoves() {
        for (int i = 0; i < 14 && browser.findElements(By.cssSelector("input[name=start]")).isEmpty(); i++) {
            nextDay();
        }
        assertThat(browser.findElements(By.cssSelector("input[name=start]"))).as("times to move to").isNotEmpty();
    }

    /** Follows the day picker to the day after the one shown. */
    void nextDay() {
        List<WebElement> days = browser.findElements(By.cssSelector(".days a"));
        for (int i = 0; i < days.size() - 1; i++) {
            if ("date".equals(days.get(i).getAttribute("aria-current"))) {
                go(days.get(i + 1));
                return;
            }
        }
        go(days.getLast());
    }

    /** Clicks something that leaves the page, and waits until the page has gone. */
    void go(WebElement link) {
        WebElement page = browser.findElement(By.tagName("html"));
        link.click();
        untilGone(page);
    }

    /**
     * Clicks what {@code link} finds once the page is complete; if the document was still being replaced when it
     * was found (a redirect finishing), the click fails and the link is found again on the page that stays. Only a
     * click that did not happen is tried again.
     */
    void go(By link) {
        for (int attempt = 1;; attempt++) {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "complete".equals(
                    ((JavascriptExecutor) driver).executeScript("return document.readyState")));
            WebElement page = browser.findElement(By.tagName("html"));
            try {
                waitFor(link).click();
            } catch (WebDriverException e) {
                if (attempt == 3 || !replaced(e)) {
                    throw e;
                }
                continue;
            }
            untilGone(page);
            return;
        }
    }

    /** The element once the page has it; if it never comes, what the page showed instead (and its screenshot). */
    WebElement waitFor(By element) {
        try {
            return Chromium.waitFor(browser, element);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                shot("failed-waiting");
            } catch (Exception ignored) {
                // the failure below says what matters
            }
            throw new AssertionError("no " + element + " on " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private void untilGone(WebElement page) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (WebDriverException e) {
                if (replaced(e)) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Whether the browser said the element's document is no longer the one shown. */
    private static boolean replaced(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }
}
