package dev.atelier.platform.testing.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' Chromium: Debian's {@code chromium} and {@code chromium-driver} (other paths by
 * {@code -Datelier.test.chromium} and {@code -Datelier.test.chromedriver}), headless, British English, with the
 * small helpers every browser test uses.
 */
public final class Chromium {

    private Chromium() {
    }

    /** A headless Chromium with a window of {@code width}×{@code height}. */
    public static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("atelier.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height, "--lang=en-GB",
                // chains' own domains in tests end in .test: this machine answers for them, as DNS would in life
                "--host-resolver-rules=MAP *.test 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("atelier.test.chromedriver",
                        "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Saves what the browser shows as {@code <folder>/<name>.png}. */
    public static void screenshot(WebDriver browser, Path folder, String name) throws IOException {
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(folder);
        Files.copy(file, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The element, once the page has it (at most 30 s). */
    public static WebElement waitFor(WebDriver browser, By element) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(element));
    }
}
