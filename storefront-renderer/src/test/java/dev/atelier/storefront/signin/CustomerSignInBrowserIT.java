package dev.atelier.storefront.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.Pkce;
import dev.atelier.infra.testing.SmsOutbox;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.identity.Account;
import dev.atelier.platform.identity.Branding;
import dev.atelier.platform.identity.IdentityProvider;
import dev.atelier.platform.onboarding.TenantSignup;
import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.testing.browser.Chromium;
import dev.atelier.storefront.StorefrontApplication;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A customer signs in to a chain's storefront through the Keycloak pages in a real Chromium (Debian's
 * {@code chromium} and {@code chromium-driver}): the pages carry that chain's name and colours, and the three ways in
 * (register, email and password, phone and SMS code) each end with a token the storefront API accepts. Screenshots
 * of every step go to {@code target/screenshots/sign-in/}.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerSignInBrowserIT {

    static final TestCells CELLS = TestCells.create("signin_browser");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final int PORT = Ports.free();
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "sign-in");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 2);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> "0");
        registry.add("atelier.storefront.url-template", () -> "http://{slug}.localhost:" + PORT);
    }

    @Autowired
    TenantSignup signup;

    @Autowired
    IdentityProvider identity;

    @Autowired
    StorefrontUrls storefronts;

    ChromeDriver browser;
    Http http;

    @BeforeAll
    void chainsAndBrowser() throws Exception {
        http = new Http(PORT);
        signup.signUp(Tenants.shanghai("lotus-spa"), new Account("owner@lotus-spa.test", "Lotus Owner",
                "a-long-password"));
        identity.brandStorefront(Tenants.shanghai("lotus-spa").slug(), storefronts.of(
                Tenants.shanghai("lotus-spa").slug()), new Branding("Lotus Spa 莲花水疗", "#7a1f5c", "#d4a017", null));
        signup.signUp(Tenants.london("fern-salon"), new Account("owner@fern-salon.test", "Fern Owner",
                "a-long-password"));
        identity.brandStorefront(Tenants.london("fern-salon").slug(), storefronts.of(
                Tenants.london("fern-salon").slug()), new Branding("Fern Salon", "#1b4332", "#b08968", null));
        Files.createDirectories(SCREENSHOTS);

        browser = Chromium.start(1280, 900);
    }

    /** Every test starts as a stranger: no Keycloak session from the one before. */
    @BeforeEach
    void signedOut() {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void eachChainsLoginPageShowsItsOwnNameAndColours() throws Exception {
        Pkce lotus = storefront("lotus-spa");
        browser.get(lotus.authorizeUrl(Map.of()));
        shot("lotus-login");
        assertThat(browser.getTitle()).isEqualTo("Lotus Spa 莲花水疗");
        assertThat(browser.findElement(By.id("atelier-brand-name")).getText()).isEqualTo("Lotus Spa 莲花水疗");
        String lotusButton = browser.findElement(By.id("kc-login")).getCssValue("background-color");

        Pkce fern = storefront("fern-salon");
        signedOut();
        browser.get(fern.authorizeUrl(Map.of()));
        shot("fern-login");
        assertThat(browser.getTitle()).isEqualTo("Fern Salon");
        String fernButton = browser.findElement(By.id("kc-login")).getCssValue("background-color");

        assertThat(lotusButton).isEqualTo("rgba(122, 31, 92, 1)");
        assertThat(fernButton).isEqualTo("rgba(27, 67, 50, 1)");
    }

    @Test
    void aNewCustomerRegistersOnTheBrandedPageAndTheStorefrontKnowsThem() throws Exception {
        Pkce lotus = storefront("lotus-spa");
        browser.get(lotus.authorizeUrl(Map.of()));
        browser.findElement(By.id("atelier-register")).click();
        waitFor(By.id("kc-register-form"));
        assertThat(browser.getTitle()).isEqualTo("Lotus Spa 莲花水疗");
        browser.findElement(By.id("username")).sendKeys("mei.browser@customers.test");
        browser.findElement(By.id("email")).sendKeys("mei.browser@customers.test");
        browser.findElement(By.id("firstName")).sendKeys("Mei");
        browser.findElement(By.id("password")).sendKeys("a-long-password");
        browser.findElement(By.id("password-confirm")).sendKeys("a-long-password");
        shot("lotus-register");
        browser.findElement(By.cssSelector("#kc-register-form [type=submit]")).click();

        String token = tokenAfterRedirect(lotus);
        Http.Response me = me("lotus-spa", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo("mei.browser@customers.test");
    }

    @Test
    void aCustomerSignsInWithEmailAndPassword() throws Exception {
        Http.Response registered = http.post("fern-salon.localhost", "/api/v1/customers", """
                {"name":"Ada Browser","email":"ada.browser@customers.test","password":"a-long-password"}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        Pkce fern = storefront("fern-salon");
        browser.get(fern.authorizeUrl(Map.of()));
        browser.findElement(By.id("username")).sendKeys("ada.browser@customers.test");
        browser.findElement(By.id("password")).sendKeys("a-long-password");
        shot("fern-password");
        browser.findElement(By.id("kc-login")).click();

        String token = tokenAfterRedirect(fern);
        Http.Response me = me("fern-salon", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("customerId").asString())
                .isEqualTo(registered.json().get("customerId").asString());
    }

    @Test
    void aCustomerSignsInWithAPhoneNumberAndTheTextedCode() throws Exception {
        Http.Response registered = http.post("lotus-spa.localhost", "/api/v1/customers", """
                {"name":"Zhang Wei","phone":"+8613900139000","password":"a-long-password"}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        Pkce lotus = storefront("lotus-spa");
        browser.get(lotus.authorizeUrl(Map.of()));
        browser.findElement(By.id("username")).sendKeys("+86 139 0013 9000");
        browser.findElement(By.id("atelier-send-code")).click();
        waitFor(By.id("atelier-code-form"));
        shot("lotus-sms-code");
        String code = new SmsOutbox(KEYCLOAK.smsOutbox()).latestCodeFor("+8613900139000");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("atelier-verify-code")).click();

        String token = tokenAfterRedirect(lotus);
        Http.Response me = me("lotus-spa", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("phone").asString()).isEqualTo("+8613900139000");
    }

    private void waitFor(By element) {
        Chromium.waitFor(browser, element);
    }

    private void shot(String name) throws Exception {
        Chromium.screenshot(browser, SCREENSHOTS, name);
    }

    /**
     * This test's own side of the flow for a chain: its client and a redirect back to its host at a path of the
     * test's (the pages' own {@code /signed-in} would take the code itself).
     */
    private static Pkce storefront(String slug) {
        return new Pkce(KEYCLOAK.issuerUri("atelier"), "storefront-" + slug,
                "http://" + slug + ".localhost:" + PORT + "/test-callback");
    }

    /** Waits for the browser to come back to the storefront and exchanges the code; the access token. */
    private String tokenAfterRedirect(Pkce flow) throws Exception {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(driver -> driver.getCurrentUrl().startsWith(flow.redirectUri()));
        shot(URI.create(flow.redirectUri()).getHost() + "-redirected");
        String code = flow.codeIn(browser.getCurrentUrl())
                .orElseThrow(() -> new AssertionError("no code in " + browser.getCurrentUrl()));
        return flow.accessToken(code);
    }

    private Http.Response me(String slug, String token) {
        return http.send("GET", slug + ".localhost", "/api/v1/me", null, "Authorization", "Bearer " + token);
    }
}
