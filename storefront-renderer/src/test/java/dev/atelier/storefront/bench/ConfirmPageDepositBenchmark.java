package dev.atelier.storefront.bench;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.PaymentSettingsStore;
import dev.atelier.platform.payments.model.DepositRule;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.testing.Wrk;
import dev.atelier.storefront.PageVisitor;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in booking confirmation page ({@code GET /book/confirm?…}) over HTTP for a service without a deposit
 * (the baseline) and for the same visit of a service with a fixed deposit at a chain offering card and Alipay (the
 * page then says what is due now and offers the methods): {@code wrk} (outside the app's JVM) with a signed-in
 * customer's page session, at {@value #PACED_CLIENTS} connections (twice, for the noise) and flat out at
 * {@value #CLIENTS}. Results go to {@code target/benchmarks/confirm-page-deposit.md}. Run with {@code ./atelier mvn
 * -pl storefront-renderer -am verify -Dit.test=ConfirmPageDepositBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip}. Not part
 * of the test suite.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ConfirmPageDepositBenchmark {

    static final int CLIENTS = 32;
    /** Fewer connections: the latency a customer sees while the app is not saturated. */
    static final int PACED_CLIENTS = 8;
    static final int THREADS = 2;
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    static final TestCells CELLS = TestCells.create("bench_confirm_page");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    /** A fixed port, since the chain's Keycloak client lets sign-in return only to the chain's own address. */
    static final int PORT = Ports.free();
    static final String SLUG = "bench-confirm";
    static final String EMAIL = "client@bench-confirm.test";
    static final String PASSWORD = "a-long-password";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 16);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("atelier.web.local-mode", () -> "true");
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> "0");
        registry.add("atelier.storefront.url-template", () -> "http://{slug}.localhost:" + PORT);
        // the page only names the methods; nothing is asked of a provider, so its address need not answer
        registry.add("atelier.payments.stripe.api-base", () -> "http://localhost:" + Ports.free());
        registry.add("atelier.payments.stripe.secret-key", () -> "sk_test_platform");
        registry.add("atelier.payments.stripe.webhook-secret", () -> "whsec_bench_confirm");
    }

    @Autowired
    SalonFixture fixture;

    @Autowired
    SalonServiceRepository services;

    @Autowired
    PaymentSettingsStore settings;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theConfirmPageWithADepositAgainstWithout() throws Exception {
        Tenant chain = fixture.chain(SLUG);
        UUID[] ids = new UUID[4];
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair app = generator.generateKeyPair();
        KeyPair alipay = generator.generateKeyPair();
        TenantContext.asTenant(chain, () -> {
            ids[0] = fixture.location("Soho", LocalTime.of(9, 0), LocalTime.of(20, 0));
            ids[1] = fixture.stylist("anna@bench-confirm.test", ids[0]);
            for (DayOfWeek day : DayOfWeek.values()) {
                fixture.weekly(ids[1], ids[0], StaffShift.Kind.SHIFT, day, 9 * 60, 20 * 60);
            }
            ids[2] = fixture.service("Cut", 45, 0, true, List.of(ids[1]));
            ids[3] = fixture.service("Cut with a deposit", 45, 0, true, List.of(ids[1]));
            transactions.executeWithoutResult(status -> services.findById(ids[3]).orElseThrow()
                    .deposit(new DepositRule.Fixed(Money.parse("10.00", "GBP")), Instant.now()));
            settings.change(Set.of(PaymentMethod.CARD, PaymentMethod.ALIPAY, PaymentMethod.AT_SALON),
                    List.of(new MerchantCredentials.StripeAccount("acct_1BenchConfirm"),
                            new MerchantCredentials.AlipayMerchant("2021000000000042", base64(app.getPrivate()
                                    .getEncoded()), base64(alipay.getPublic().getEncoded()))),
                    Set.of(), Instant.now());
        });
        Http http = new Http(PORT);
        String host = SLUG + ".localhost";
        Http.Response registered = http.post(host, "/api/v1/customers", """
                {"name":"Client","email":"%s","password":"%s"}""".formatted(EMAIL, PASSWORD));
        if (registered.status() != 201) {
            throw new IllegalStateException(registered.status() + ": " + registered.body());
        }
        String site = "http://" + host + ":" + PORT;
        PageVisitor visitor = new PageVisitor(PORT);
        PageVisitor.Page signedIn = visitor.signIn(visitor.get(site + "/my/bookings"), EMAIL, PASSWORD);
        if (signedIn.status() != 200) {
            throw new IllegalStateException("not signed in: " + signedIn.status());
        }
        String cookie = "JSESSIONID=" + visitor.session(host).orElseThrow();
        String start = URLEncoder.encode(LocalDate.now(LONDON).with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .plusWeeks(1).atTime(11, 0).atZone(LONDON).toInstant().toString(), StandardCharsets.UTF_8);
        String plain = "/book/confirm?location=" + ids[0] + "&service=" + ids[2] + "&staff=" + ids[1]
                + "&stylist=any&start=" + start;
        String withDeposit = "/book/confirm?location=" + ids[0] + "&service=" + ids[3] + "&staff=" + ids[1]
                + "&stylist=any&start=" + start;
        Map<String, String> headers = Map.of("Host", host + ":" + PORT, "Cookie", cookie);
        // the two pages are what they should be, with the session wrk will send
        page(http, host, plain, cookie, List.of("id=\"confirm\""), List.of("id=\"due-now\"", "id=\"pay-card\""));
        page(http, host, withDeposit, cookie, List.of("id=\"due-now\">£10.00", "id=\"pay-card\"",
                "id=\"pay-alipay\""), List.of("id=\"confirm\""));

        List<Wrk.Request> plainPage = List.of(new Wrk.Request("GET", plain, headers, null));
        List<Wrk.Request> depositPage = List.of(new Wrk.Request("GET", withDeposit, headers, null));
        List<String> lines = new ArrayList<>(List.of("# The booking confirmation page with and without a deposit", "",
                "wrk on " + THREADS + " threads, " + MEASURE.toSeconds() + " s after " + WARM_UP.toSeconds()
                        + " s warm-up each, one signed-in customer's session; machine: "
                        + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version().feature()
                        + ".",
                "",
                "| connections | page | load before | requests/s | p50 | p90 | p99 | requests/s vs no deposit"
                        + " | p50 vs no deposit | p99 vs no deposit |",
                "|---|---|---|---|---|---|---|---|---|---|"));
        for (int connections : List.of(PACED_CLIENTS, CLIENTS, PACED_CLIENTS)) {
            String load = loadAverage();
            Wrk.run(PORT, plainPage, connections, THREADS, WARM_UP);
            Wrk.Result baseline = Wrk.run(PORT, plainPage, connections, THREADS, MEASURE);
            Wrk.run(PORT, depositPage, connections, THREADS, WARM_UP);
            Wrk.Result deposit = Wrk.run(PORT, depositPage, connections, THREADS, MEASURE);
            lines.add(row(connections, "baseline: no deposit (Confirm button)", load, baseline, baseline));
            lines.add(row(connections, "fixed £10.00 deposit, card and Alipay offered", loadAverage(), deposit,
                    baseline));
        }
        // still the same pages after the load: the session held throughout
        page(http, host, withDeposit, cookie, List.of("id=\"due-now\">£10.00"), List.of());
        Path report = Path.of("target", "benchmarks", "confirm-page-deposit.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n", lines) + "\n");
        System.out.println(String.join("\n", lines));
    }

    private static void page(Http http, String host, String path, String cookie, List<String> shows,
            List<String> hides) {
        Http.Response page = http.send("GET", host + ":" + PORT, path, null, "Cookie", cookie);
        if (page.status() != 200 || !shows.stream().allMatch(page.body()::contains)
                || hides.stream().anyMatch(page.body()::contains)) {
            throw new IllegalStateException("not the page expected (" + shows + ", not " + hides + "): "
                    + page.status() + " " + page.body());
        }
    }

    private static String row(int connections, String name, String load, Wrk.Result result, Wrk.Result baseline) {
        return String.format(Locale.ROOT, "| %d | %s | %s | %,.0f | %.2f ms | %.2f ms | %.2f ms | %.2f | %.2f | %.2f |",
                connections, name, load, result.requestsPerSecond(), result.p50Millis(), result.p90Millis(),
                result.p99Millis(), result.requestsPerSecond() / baseline.requestsPerSecond(),
                result.p50Millis() / baseline.p50Millis(), result.p99Millis() / baseline.p99Millis());
    }

    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
