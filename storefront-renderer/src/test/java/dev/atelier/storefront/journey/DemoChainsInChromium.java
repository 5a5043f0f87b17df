package dev.atelier.storefront.journey;

import dev.atelier.infra.payments.GatewayFakes;
import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.testing.browser.Axe;
import dev.atelier.platform.testing.browser.Chromium;
import dev.atelier.storefront.StorefrontApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storefront with the demo chains seeded as {@code ./atelier up} seeds them — their menus, staff, methods of
 * payment and deposits, merchants at the same gateway fakes the local stack starts (driven through the real SDKs)
 * — shown in a headless Chromium. The browser journeys share it: one application, one database, one seeding of the
 * demo chains (their accounts live in the one Keycloak of the test run), each journey a new customer of its own.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DemoChainsInChromium {

    static final TestCells CELLS = TestCells.create("journey");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final int PORT = Ports.free();
    /** Started once for the run, like the application they notify; stopped when the run ends. */
    static final GatewayFakes FAKES = GatewayFakes.start(0, (Path) null, "http://localhost:" + PORT
            + "/webhooks/stripe", Clock.systemUTC());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(FAKES::close, "gateway-fakes-stop"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> "0");
        registry.add("atelier.storefront.url-template", () -> "http://{slug}.localhost:" + PORT);
        registry.add("atelier.demo.enabled", () -> "true");
        // as the local stack runs: merchant credentials sealed under the local-only key
        registry.add("atelier.web.local-mode", () -> "true");
        registry.add("atelier.demo.payment-keys", () -> merchantFile().toString());
        registry.add("atelier.payments.stripe.api-base", FAKES::stripeApiBase);
        registry.add("atelier.payments.stripe.secret-key", () -> FAKES.keys().stripe().secretKey());
        registry.add("atelier.payments.stripe.webhook-secret", () -> FAKES.keys().stripe().webhookSecret());
        registry.add("atelier.payments.alipay.server-url", FAKES::alipayGateway);
        registry.add("atelier.payments.alipay.notify-url", () -> "http://localhost:" + PORT + "/webhooks/alipay");
        registry.add("atelier.payments.wechatpay.api-base", FAKES::wechatPayApiBase);
        registry.add("atelier.payments.wechatpay.notify-url",
                () -> "http://localhost:" + PORT + "/webhooks/wechatpay");
        registry.add("atelier.wechat.api-host", FAKES::wechatApiHost);
        registry.add("atelier.wechat.open-host", FAKES::wechatOpenHost);
        registry.add("atelier.wechat.mp-host", FAKES::wechatMpHost);
    }

    private static Path merchantFile() {
        try {
            return FAKES.writeMerchantFile(Files.createTempDirectory("demo-merchants").resolve("merchants.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver browser;
    Axe axe;

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

    static String home(String chain) {
        return "http://" + chain + ".localhost:" + PORT;
    }
}
