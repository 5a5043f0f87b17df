package dev.atelier.storefront.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.net.Webhook;
import dev.atelier.infra.servers.KeycloakServer;
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
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stripe payment notices handled per second over HTTP: many bookings that each wait for a deposit with a pending
 * Checkout session are prepared first (through the storefront's API, Stripe faked by WireMock and driven through
 * stripe-java), then {@code wrk} (a native process outside the app's JVM, 8 connections unless {@code -Dbench.connections}) delivers
 * signed {@code checkout.session.completed} notices to {@code POST /webhooks/stripe}, each for its own payment, so
 * each confirms its booking and books the charge and the platform's commission. The baseline in the same run is
 * plain confirms of holds ({@code POST /api/v1/me/bookings/{id}/confirm}, one distinct hold per request). A second
 * pass delivers the handled notices again: how fast duplicates are acknowledged (and that they change nothing).
 * After each pass the database is counted, so a figure cannot include replays: every answered notice left exactly
 * one charge. Results go to {@code target/benchmarks/payment-notices.md}. Run with {@code ./atelier mvn -pl
 * storefront-renderer -am verify -Dit.test=PaymentNoticeBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip}. Not part of the test suite.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentNoticeBenchmark {

    static final int STYLISTS = 16;
    /**
     * Connections while measuring, the same for the baseline. At 32 (twice the connection pool) no notice was answered
     * within 5 s and the pool starved ({@code active=16, waiting=62}); see docs/benchmarks.md.
     */
    static final int CLIENTS = Integer.getInteger("bench.connections", 8);
    /** Connections while preparing. */
    static final int PREPARING_CLIENTS = 32;
    static final int THREADS = 2;
    /** Free times offered to each preparing run: more than it can book in its time. */
    static final int CANDIDATES = 30_000;
    /** How long wrk makes holds, then deposit bookings, then their payments, before anything is measured. */
    static final Duration PREPARE = Duration.ofSeconds(Integer.getInteger("bench.prepare-seconds", 40));
    static final Duration WARM_UP = Duration.ofSeconds(5);
    static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    /** How much of a prepared list a measured run may use: wrk's threads walk their halves at slightly different paces. */
    static final double HEADROOM = 0.8;
    static final TestCells CELLS = TestCells.create("bench_notices");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort().containerThreads(16));
    static final String SECRET = "whsec_bench_notices";
    static final String ACCOUNT = "acct_1BenchNotices";
    static final String HOST = "bench-notices.localhost";
    static final String EMAIL = "client@bench-notices.test";
    static final String PASSWORD = "a-long-password";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 16);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("atelier.web.local-mode", () -> "true");
        registry.add("atelier.payments.stripe.api-base", () -> "http://localhost:" + STRIPE.port());
        registry.add("atelier.payments.stripe.secret-key", () -> "sk_test_platform");
        registry.add("atelier.payments.stripe.webhook-secret", () -> SECRET);
        registry.add("atelier.payments.stripe.application-fee-basis-points", () -> "250");
        // no sweep or reconciliation runs while measuring: every booking is settled by its notice or its confirm
        registry.add("atelier.payments.sweep-interval", () -> "PT1H");
        registry.add("atelier.bookings.hold-sweep-interval", () -> "PT1H");
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    @Autowired
    SalonServiceRepository services;

    @Autowired
    PaymentSettingsStore settings;

    @Autowired
    TransactionTemplate transactions;

    Http http;
    Tenant chain;
    UUID location;
    UUID trim;
    UUID deposit;
    List<UUID> stylists = new ArrayList<>();
    String token;
    Instant tokenAt = Instant.EPOCH;

    @AfterAll
    static void stop() {
        STRIPE.stop();
    }

    /** A booking waiting for its deposit and the Checkout session its payment opened. */
    record Pending(String bookingId, String session) {
    }

    @Test
    void noticesPerSecondAgainstPlainConfirms() throws Exception {
        http = new Http(port);
        salon();
        // each Checkout session gets its own id, named after our payment (stripe-java sends it as client_reference_id)
        STRIPE.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {{formData request.body 'form' urlDecode=true}}{"id":"cs_bench_{{form.client_reference_id}}",\
                        "object":"checkout.session","url":"https://checkout.test/{{form.client_reference_id}}",\
                        "status":"open","payment_status":"unpaid","amount_total":1000,"currency":"gbp",\
                        "mode":"payment"}""").withTransformers("response-template")));

        // prepared by wrk too, for a while each: as many holds, deposit bookings and payments as the app makes
        LocalDate first = LocalDate.now(LONDON).plusDays(2);
        String preparing = loadAverage();
        List<Wrk.Request> holding = new ArrayList<>();
        List<Wrk.Request> booking = new ArrayList<>();
        for (int n = 0; n < CANDIDATES; n++) {
            holding.add(new Wrk.Request("POST", "/api/v1/holds", customer("hold-" + n), booking(first, n, trim)));
            booking.add(new Wrk.Request("POST", "/api/v1/bookings", customer("deposit-" + n), booking(first,
                    CANDIDATES + n, deposit)));
        }
        Wrk.run(port, holding, PREPARING_CLIENTS, THREADS, PREPARE);
        Wrk.run(port, booking, PREPARING_CLIENTS, THREADS, PREPARE);
        List<Wrk.Request> paying = new ArrayList<>();
        for (String id : CELLS.column(chain, "select id from booking where status = 'PENDING_PAYMENT'")) {
            paying.add(new Wrk.Request("POST", "/api/v1/me/bookings/" + id + "/payments", customer("pay-" + id),
                    "{\"method\":\"card\"}"));
        }
        Wrk.run(port, paying, PREPARING_CLIENTS, THREADS, PREPARE);
        settle();
        List<String> holds = CELLS.column(chain, "select id from booking where status = 'HELD' order by created_at");
        List<Pending> pending = new ArrayList<>();
        for (String row : CELLS.column(chain, "select booking_id || ' ' || provider_order_id from payment"
                + " where status = 'PENDING' order by created_at")) {
            pending.add(new Pending(row.split(" ")[0], row.split(" ")[1]));
        }
        System.out.printf("prepared %d holds and %d pending payments%n", holds.size(), pending.size());
        int warmUpHolds = holds.size() / 4;
        int warmUpNotices = pending.size() / 4;

        List<String> report = new ArrayList<>();
        // baseline: plain confirms, one distinct hold each
        String load = loadAverage();
        String bearer = "Bearer " + freshToken();
        List<Wrk.Request> confirms = holds.stream().map(id -> new Wrk.Request("POST", "/api/v1/me/bookings/" + id
                + "/confirm", Map.of("Host", HOST, "Authorization", bearer), null)).toList();
        Wrk.Result confirmsWarmUp = Wrk.run(port, confirms.subList(0, warmUpHolds), CLIENTS, THREADS, WARM_UP);
        settle();
        long confirmedBefore = count("select count(*) from booking where status = 'CONFIRMED' and id in ("
                + quoted(holds.subList(warmUpHolds, holds.size())) + ")");
        Duration confirmsFor = lengthFor(holds.size() - warmUpHolds, confirmsWarmUp);
        Wrk.Result baseline = Wrk.run(port, confirms.subList(warmUpHolds, confirms.size()), CLIENTS, THREADS,
                confirmsFor);
        settle();
        long confirmed = count("select count(*) from booking where status = 'CONFIRMED' and id in ("
                + quoted(holds.subList(warmUpHolds, holds.size())) + ")");
        System.out.printf("confirms: %d warm-up answered, %d measured answered, %d confirmed by them%n",
                confirmsWarmUp.requests(), baseline.requests(), confirmed - confirmedBefore);
        requireEffects("confirms", baseline.requests(), confirmed - confirmedBefore);

        // notices: each for its own payment, signed just before its pass (well within the 300 s tolerance)
        String noticeLoad = loadAverage();
        List<String> bodies = new ArrayList<>();
        for (int n = 0; n < pending.size(); n++) {
            bodies.add(notice("evt_bench_" + n, pending.get(n).session()));
        }
        List<Wrk.Request> notices = signed(bodies);
        Wrk.Result warmUp = Wrk.run(port, notices.subList(0, warmUpNotices), CLIENTS, THREADS, WARM_UP);
        settle();
        long chargesBefore = charges();
        Duration noticesFor = lengthFor(pending.size() - warmUpNotices, warmUp);
        Wrk.Result handled = Wrk.run(port, notices.subList(warmUpNotices, notices.size()), CLIENTS, THREADS,
                noticesFor);
        settle();
        long charges = charges();
        requireEffects("notices", handled.requests(), charges - chargesBefore);
        requireOneChargePerBooking(charges);

        // the same notices again, signed afresh: each a duplicate of one that was handled
        String duplicateLoad = loadAverage();
        Set<String> charged = new HashSet<>(CELLS.column(chain, "select booking_id from journal_entry"
                + " where kind = 'CHARGE'"));
        List<String> again = new ArrayList<>();
        for (int n = 0; n < pending.size(); n++) {
            if (charged.contains(pending.get(n).bookingId())) {
                again.add(bodies.get(n));
            }
        }
        System.out.printf("notices: %d prepared, %d warm-up answered, %d measured answered, %d charges, %d to repeat%n",
                pending.size(), warmUp.requests(), handled.requests(), charges, again.size());
        if (again.isEmpty() || handled.requests() == 0) {
            throw new IllegalStateException("no notice was answered while measuring");
        }
        long facts = count("select count(*) from payment_fact");
        List<Wrk.Request> duplicates = signed(again);
        Wrk.run(port, duplicates, CLIENTS, THREADS, WARM_UP);
        Wrk.Result acknowledged = Wrk.run(port, duplicates, CLIENTS, THREADS, MEASURE);
        settle();
        if (charges() != charges || count("select count(*) from payment_fact") != facts) {
            throw new IllegalStateException("a duplicate notice changed something");
        }

        report.addAll(List.of("# Payment notices over HTTP", "",
                "wrk, " + CLIENTS + " connections on " + THREADS + " threads, measured after " + WARM_UP.toSeconds()
                        + " s warm-up each; machine: " + Runtime.getRuntime().availableProcessors()
                        + " cores, Java " + Runtime.version().feature() + ". Load average (1, 5, 15 min) before the"
                        + " confirms: " + load + "; before the notices: " + noticeLoad + "; before the duplicates: "
                        + duplicateLoad + ".",
                "",
                "Prepared by wrk in " + PREPARE.toSeconds() + " s each (load before: " + preparing + "): %,d holds,"
                        .formatted(holds.size())
                        + " %,d bookings with a pending Checkout session; the first quarter"
                                .formatted(pending.size())
                        + " of each for the warm-up.",
                "",
                "Measured: confirms " + confirmsFor.toSeconds() + " s, new notices " + noticesFor.toSeconds()
                        + " s, duplicates " + MEASURE.toSeconds() + " s.",
                "",
                "| what | answered | requests/s | p50 | p90 | p99 | vs confirms |",
                "|---|---|---|---|---|---|---|",
                row("baseline: POST /api/v1/me/bookings/{id}/confirm (a hold, no deposit)", baseline, baseline),
                row("POST /webhooks/stripe, checkout.session.completed, each a new payment", handled, baseline),
                row("POST /webhooks/stripe, the same notices again (duplicates)", acknowledged, baseline), "",
                "Checked in the database: %,d confirms answered, %,d of those holds confirmed; %,d new notices answered,"
                        .formatted(baseline.requests(), confirmed - confirmedBefore, handled.requests())
                        + " %,d charges booked by them (%,d in all, each with its commission, none twice for a booking);"
                                .formatted(charges - chargesBefore, charges)
                        + " %,d duplicates answered, no charge or payment fact added by them."
                                .formatted(acknowledged.requests())
                        + " Warm-up notices answered: %,d.".formatted(warmUp.requests())));
        Path file = Path.of("target", "benchmarks", "payment-notices.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", report) + "\n");
        System.out.println(String.join("\n", report));
    }

    /** One chain: a salon open all day every day, its stylists always on, a trim without and a cut with a deposit. */
    private void salon() throws Exception {
        chain = fixture.chain("bench-notices");
        TenantContext.asTenant(chain, () -> {
            location = fixture.location("Always open", LocalTime.MIDNIGHT, LocalTime.of(23, 59));
            for (int i = 0; i < STYLISTS; i++) {
                UUID stylist = fixture.stylist("stylist" + i + "@bench-notices.test", location);
                stylists.add(stylist);
                for (DayOfWeek day : DayOfWeek.values()) {
                    fixture.weekly(stylist, location, StaffShift.Kind.SHIFT, day, 0, 1440);
                }
            }
            trim = fixture.service("Quick trim", 15, 0, true, stylists);
            deposit = fixture.service("Cut with a deposit", 15, 0, true, stylists);
            transactions.executeWithoutResult(status -> services.findById(deposit).orElseThrow()
                    .deposit(new DepositRule.Fixed(Money.parse("10.00", "GBP")), Instant.now()));
            settings.change(Set.of(PaymentMethod.CARD, PaymentMethod.AT_SALON),
                    List.of(new MerchantCredentials.StripeAccount(ACCOUNT)), Set.of(), Instant.now());
        });
        // holds and pending payments keep their time for the whole run (the longest the policy allows)
        CELLS.update(chain, "update booking_policy set hold_minutes = 60");
        require(http.post(HOST, "/api/v1/customers", """
                {"name":"Client","email":"%s","password":"%s"}""".formatted(EMAIL, PASSWORD)), 201);
    }

    /** The booking request of the {@code n}th free time: its own stylist and 15-minute slot, 95 a day (the salon closes at 23:59). */
    private String booking(LocalDate first, int n, UUID service) {
        UUID stylist = stylists.get(n % STYLISTS);
        int slot = n / STYLISTS;
        String start = first.plusDays(slot / 95).atStartOfDay(LONDON).plusMinutes(15L * (slot % 95)).toInstant()
                .toString();
        return """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}]}"""
                .formatted(location, start, service, stylist);
    }

    /**
     * {@link #MEASURE}, or less when {@code prepared} requests would not last that long at up to 1.5 times the
     * warm-up's rate (every measured request must be a new one): cut to what {@link #HEADROOM} of them allows.
     */
    private static Duration lengthFor(int prepared, Wrk.Result warmUp) {
        long lasts = (long) (HEADROOM * prepared / (1.5 * warmUp.requestsPerSecond()));
        return Duration.ofSeconds(Math.max(5, Math.min(MEASURE.toSeconds(), lasts)));
    }

    /** Lets the requests still in flight when wrk stopped finish before the database is counted. */
    private static void settle() throws InterruptedException {
        Thread.sleep(1_000);
    }

    /** Each answered request had its one effect; a few more effects are the requests in flight when wrk stopped. */
    private static void requireEffects(String what, long answered, long effects) {
        if (effects < answered || effects > answered + CLIENTS) {
            throw new IllegalStateException(what + ": " + answered + " answered but " + effects
                    + " took effect (a prepared list ran out and was replayed? raise its size)");
        }
    }

    private void requireOneChargePerBooking(long charges) throws Exception {
        long commissions = count("select count(*) from journal_entry where kind = 'COMMISSION'");
        long twice = count("select count(*) from (select booking_id from journal_entry where kind = 'CHARGE'"
                + " group by booking_id having count(*) > 1) twice");
        long confirmed = count("select count(distinct e.booking_id) from journal_entry e join booking b"
                + " on b.id = e.booking_id where e.kind = 'CHARGE' and b.status = 'CONFIRMED'");
        if (commissions != charges || twice != 0 || confirmed != charges) {
            throw new IllegalStateException(charges + " charges, " + commissions + " commissions, " + twice
                    + " bookings charged twice, " + confirmed + " charged bookings confirmed");
        }
    }

    private long charges() throws Exception {
        return count("select count(*) from journal_entry where kind = 'CHARGE'");
    }

    private Long count(String sql) throws Exception {
        return Long.parseLong(CELLS.column(chain, sql).getFirst());
    }

    private static String quoted(List<String> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }

    /** Stripe's notice that a Checkout session was paid, on one line. */
    private static String notice(String event, String session) {
        return ("{\"id\":\"%s\",\"object\":\"event\",\"type\":\"checkout.session.completed\",\"account\":\"%s\","
                + "\"api_version\":\"2020-08-27\",\"data\":{\"object\":{\"id\":\"%s\",\"object\":\"checkout.session\","
                + "\"status\":\"complete\",\"payment_status\":\"paid\",\"amount_total\":1000,\"currency\":\"gbp\","
                + "\"payment_intent\":\"pi_%s\"}}}").formatted(event, ACCOUNT, session, session.substring(3));
    }

    /** The notices as requests to the platform's own host, each signed now as Stripe signs. */
    private static List<Wrk.Request> signed(List<String> bodies) throws Exception {
        long now = Instant.now().getEpochSecond();
        List<Wrk.Request> requests = new ArrayList<>();
        for (String body : bodies) {
            requests.add(new Wrk.Request("POST", "/webhooks/stripe", Map.of("Host", "localhost", "Content-Type",
                    "application/json", "Stripe-Signature", "t=" + now + ",v1="
                            + Webhook.Util.computeHmacSha256(SECRET, now + "." + body)),
                    body));
        }
        return requests;
    }

    private static String row(String name, Wrk.Result result, Wrk.Result baseline) {
        return String.format(Locale.ROOT, "| %s | %,d | %,.0f | %.2f ms | %.2f ms | %.2f ms | %.2f |", name,
                result.requests(), result.requestsPerSecond(), result.p50Millis(), result.p90Millis(),
                result.p99Millis(), result.requestsPerSecond() / baseline.requestsPerSecond());
    }

    private static String loadAverage() throws Exception {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + ", " + fields[1] + ", " + fields[2];
    }

    /** An access token of the customer, fetched again before it can lapse (Keycloak's last 5 minutes). */
    private synchronized String token() {
        if (Duration.between(tokenAt, Instant.now()).toSeconds() > 120) {
            token = KEYCLOAK.accessToken("atelier", "atelier-dev", EMAIL, PASSWORD, "openid");
            tokenAt = Instant.now();
        }
        return token;
    }

    private synchronized String freshToken() {
        tokenAt = Instant.EPOCH;
        return token();
    }

    /** The customer's headers for a request with this key. */
    private Map<String, String> customer(String key) {
        return Map.of("Host", HOST, "Content-Type", "application/json", "Authorization", "Bearer " + token(),
                "Idempotency-Key", key);
    }

    private static void require(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(response.status() + ": " + response.body());
        }
    }
}
