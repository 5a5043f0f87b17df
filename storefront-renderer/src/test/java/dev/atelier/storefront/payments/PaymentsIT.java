package dev.atelier.storefront.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.stripe.net.Webhook;
import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.booking.HoldExpiry;
import dev.atelier.platform.booking.StaffBookings;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.money.Money;
import dev.atelier.platform.payments.PaymentSettingsStore;
import dev.atelier.platform.payments.PaymentSweeps;
import dev.atelier.platform.payments.Payments;
import dev.atelier.platform.payments.ledger.RefundTooLargeException;
import dev.atelier.platform.payments.model.DepositRule;
import dev.atelier.platform.payments.model.MerchantCredentials;
import dev.atelier.platform.payments.model.PaymentMethod;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.MovableClock;
import dev.atelier.platform.testing.MovableClocks;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.storefront.PageVisitor;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Paying a deposit end to end against real PostgreSQL and Keycloak, with Stripe's API faked by WireMock and driven
 * through stripe-java: a booking that asks for a deposit waits for its payment; the pay request (retried) opens one
 * Checkout session; a signed notice confirms the booking and books the charge and the platform's fee once however
 * often it comes; forged, altered and misdirected notices change nothing; a payment after the hold ran out
 * re-confirms the booking while its time is free and is refunded in full when the time went to someone else.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MovableClocks.class)
class PaymentsIT {

    static final TestCells CELLS = TestCells.create("payments");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());
    static final String SECRET = "whsec_payments_it";
    static final String ACCOUNT = "acct_1SalonPays";
    static final String PASSWORD = "a-long-password";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate DAY_ZERO = LocalDate.now(LONDON).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    static final AtomicInteger SESSIONS = new AtomicInteger();
    /** A fixed port, since each chain's Keycloak client lets sign-in return only to the chain's own address. */
    static final int PORT = Ports.free();

    static {
        STRIPE.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 8);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("atelier.web.local-mode", () -> "true");
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> "0");
        registry.add("atelier.storefront.url-template", () -> "http://{slug}.localhost:" + PORT);
        registry.add("atelier.payments.stripe.api-base", () -> "http://localhost:" + STRIPE.port());
        registry.add("atelier.payments.stripe.secret-key", () -> "sk_test_platform");
        registry.add("atelier.payments.stripe.webhook-secret", () -> SECRET);
        registry.add("atelier.payments.stripe.application-fee-basis-points", () -> "250");
        // the sweeps run when the test says so
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
    HoldExpiry holds;

    @Autowired
    PaymentSweeps sweeps;

    @Autowired
    Payments payments;

    @Autowired
    StaffBookings staffBookings;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    Http http;
    Tenant salon;
    UUID soho;
    UUID anna;
    UUID cut;
    UUID bea;
    UUID carl;
    UUID colour;
    String customer;
    String rival;

    @BeforeAll
    void salon() {
        http = new Http(port);
        salon = fixture.chain("pay-a");
        fixture.chain("pay-b");
        TenantContext.asTenant(salon, () -> {
            soho = fixture.location("Soho", LocalTime.of(9, 0), LocalTime.of(18, 0));
            anna = fixture.stylist("anna@pay-a.test", soho);
            cut = fixture.service("Cut", 30, 0, true, List.of(anna));
            transactions.executeWithoutResult(status -> services.findById(cut).orElseThrow()
                    .deposit(new DepositRule.Fixed(Money.parse("10.00", "GBP")), clock.instant()));
            bea = fixture.stylist("bea@pay-a.test", soho);
            carl = fixture.stylist("carl@pay-a.test", soho);
            // paid in full ahead; 30.00 with Anna, 20.00 with Bea, 40.00 with Carl
            colour = fixture.service("Colour", 60, 0, true, List.of(anna));
            transactions.executeWithoutResult(status -> {
                var service = services.findById(colour).orElseThrow();
                service.deposit(new DepositRule.Full(), clock.instant());
                service.perform(bea, null, new BigDecimal("20.00"), clock.instant());
                service.perform(carl, null, new BigDecimal("40.00"), clock.instant());
            });
            for (DayOfWeek day : DayOfWeek.values()) {
                for (UUID stylist : List.of(anna, bea, carl)) {
                    fixture.weekly(stylist, soho, StaffShift.Kind.SHIFT, day, 9 * 60, 18 * 60);
                }
            }
            settings.change(Set.of(PaymentMethod.CARD, PaymentMethod.AT_SALON),
                    List.of(new MerchantCredentials.StripeAccount(ACCOUNT)), Set.of(), clock.instant());
        });
        customer = customer("payer@payments.test");
        rival = customer("rival@payments.test");
    }

    @AfterAll
    void stop() {
        STRIPE.stop();
    }

    @Test
    void aDepositIsPaidOnceAndConfirmsTheBookingHoweverOftenItsNoticeComes() throws Exception {
        JsonNode booking = book(customer, "deposit-1", at(0, "10:00"));
        assertThat(booking.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(booking.get("holdExpiresAt").isNull()).isFalse();
        assertThat(booking.get("payment").get("status").asString()).isEqualTo("DUE");
        assertThat(booking.get("payment").get("due").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        String id = booking.get("id").asString();
        assertProblem(http.send("POST", "pay-a.localhost", "/api/v1/me/bookings/" + id + "/confirm", null,
                "Authorization", "Bearer " + customer), 422, "booking-rules");

        String session = nextSession();
        STRIPE.resetRequests();
        JsonNode payment = pay(customer, id, "pay-1", "card").json();
        JsonNode again = pay(customer, id, "pay-1", "card").json();
        assertThat(payment.get("status").asString()).isEqualTo("PENDING");
        assertThat(payment.get("amount").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(payment.get("redirectUrl").asString()).isEqualTo("https://checkout.test/" + session);
        assertThat(again.get("id").asString()).isEqualTo(payment.get("id").asString());
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions")));
        assertProblem(pay(customer, id, "pay-1", "alipay"), 422, "idempotency-key-reused");
        assertProblem(pay(rival, id, "pay-rival", "card"), 404, "not-found");

        String notice = completed("evt_paid_" + session, session, 1000, "gbp", ACCOUNT);
        for (int i = 0; i < 100; i++) {
            assertThat(deliver(notice, signature(notice, SECRET)).status()).isEqualTo(204);
        }

        JsonNode paid = mine(customer, id);
        assertThat(paid.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(paid.get("payment").get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("payment").get("paid").get("amount").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(CELLS.column(salon, "select kind || ' ' || count(*) from journal_entry where booking_id = '" + id
                + "' group by kind order by kind")).containsExactly("CHARGE 1", "COMMISSION 1");
        assertThat(CELLS.column(salon, """
                select p.amount_minor from journal_entry e join journal_posting p on p.entry_id = e.id
                 where e.kind = 'COMMISSION' and p.side = 'D' and e.booking_id = '%s'""".formatted(id)))
                .as("2.5 % of 10.00").containsExactly("25");
        // the booking's page says what was paid
        PageVisitor visitor = new PageVisitor(port);
        String page = "http://pay-a.localhost:" + PORT + "/my/bookings/" + id;
        PageVisitor.Page shown = visitor.signIn(visitor.get(page), "payer@payments.test", PASSWORD);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"deposit\">£10.00", "id=\"paid\">£10.00", "Confirmed")
                .doesNotContain("id=\"refunded\"");
        assertThat(CELLS.column(salon, "select count(*) from payment_fact f join payment p on p.id = f.payment_id "
                + "where p.booking_id = '" + id + "'")).containsExactly("1");
        assertThat(CELLS.column(salon, "select type from outbox_event where aggregate_id = '" + id
                + "' order by id")).containsExactly("booking.payment-pending", "payment.succeeded",
                        "booking.confirmed");
    }

    @Test
    void forgedAlteredAndMisdirectedNoticesChangeNothing() throws Exception {
        String id = book(customer, "tamper-1", at(1, "10:00")).get("id").asString();
        String session = nextSession();
        pay(customer, id, "tamper-pay", "card");
        String genuine = completed("evt_t_" + session, session, 1000, "gbp", ACCOUNT);
        List<String> facts = CELLS.column(salon, "select count(*) from payment_fact");

        assertProblem(deliver(genuine, signature(genuine, "whsec_someone_else")), 400, "notice-rejected");
        assertProblem(deliver(genuine, signature(genuine, SECRET).replace("v1=", "v1=0")), 400,
                "notice-rejected");
        assertProblem(deliver(genuine, null), 400, "notice-rejected");
        String cheaper = completed("evt_t2_" + session, session, 100, "gbp", ACCOUNT);
        assertProblem(deliver(cheaper, signature(cheaper, SECRET)), 400, "notice-rejected");
        String otherCurrency = completed("evt_t3_" + session, session, 1000, "eur", ACCOUNT);
        assertProblem(deliver(otherCurrency, signature(otherCurrency, SECRET)), 400, "notice-rejected");
        String otherMerchant = completed("evt_t4_" + session, session, 1000, "gbp", "acct_1SomeoneElse");
        assertProblem(deliver(otherMerchant, signature(otherMerchant, SECRET)), 400, "notice-rejected");
        String stale = "t=" + (clock.instant().getEpochSecond() - 3_600) + ",v1="
                + Webhook.Util.computeHmacSha256(SECRET, (clock.instant().getEpochSecond() - 3_600) + "." + genuine);
        assertProblem(deliver(genuine, stale), 400, "notice-rejected");
        String malformed = "{\"id\":\"evt_x\",";
        assertProblem(deliver(malformed, signature(malformed, SECRET)), 400, "notice-rejected");
        String unknownOrder = completed("evt_t5", "cs_not_ours", 1000, "gbp", ACCOUNT);
        assertProblem(deliver(unknownOrder, signature(unknownOrder, SECRET)), 409, "order-not-known-yet");
        Http.Response onAChainHost = http.send("POST", "pay-a.localhost", "/webhooks/stripe", genuine,
                "Stripe-Signature", signature(genuine, SECRET));
        assertThat(onAChainHost.status()).isEqualTo(404);
        String ignored = """
                {"id":"evt_other","object":"event","type":"customer.created","api_version":"2020-08-27",
                 "data":{"object":{"id":"cus_1","object":"customer"}}}""";
        assertThat(deliver(ignored, signature(ignored, SECRET)).status()).isEqualTo(204);

        assertThat(CELLS.column(salon, "select count(*) from payment_fact")).isEqualTo(facts);
        assertThat(mine(customer, id).get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(CELLS.column(salon, "select count(*) from journal_entry where booking_id = '" + id + "'"))
                .containsExactly("0");
    }

    @Test
    void aLatePaymentReconfirmsWhileTheTimeIsFreeAndIsRefundedOnceItIsTaken() throws Exception {
        String free = book(customer, "late-free", at(2, "10:00")).get("id").asString();
        String freeSession = nextSession();
        pay(customer, free, "late-free-pay", "card");
        String taken = book(customer, "late-taken", at(2, "14:00")).get("id").asString();
        String takenSession = nextSession();
        pay(customer, taken, "late-taken-pay", "card");

        ((MovableClock) clock).advance(Duration.ofMinutes(20));
        holds.sweep();
        STRIPE.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + freeSession)).willReturn(json(
                session(freeSession, "open", "unpaid"))));
        STRIPE.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + takenSession)).willReturn(json(
                session(takenSession, "open", "unpaid"))));
        STRIPE.stubFor(post(urlPathEqualTo("/v1/checkout/sessions/" + freeSession + "/expire")).willReturn(json(
                session(freeSession, "expired", "unpaid"))));
        STRIPE.stubFor(post(urlPathEqualTo("/v1/checkout/sessions/" + takenSession + "/expire")).willReturn(json(
                session(takenSession, "expired", "unpaid"))));
        assertThat(sweeps.sweep().closed()).isGreaterThanOrEqualTo(2);
        assertThat(mine(customer, free).get("status").asString()).isEqualTo("EXPIRED");
        STRIPE.verify(postRequestedFor(urlPathEqualTo("/v1/checkout/sessions/" + freeSession + "/expire")));

        // someone else takes the second time meanwhile
        String rivals = book(rival, "rival-takes", at(2, "14:00")).get("id").asString();
        assertThat(rivals).isNotEqualTo(taken);

        String paidLate = completed("evt_late_" + freeSession, freeSession, 1000, "gbp", ACCOUNT);
        assertThat(deliver(paidLate, signature(paidLate, SECRET)).status()).isEqualTo(204);
        JsonNode reconfirmed = mine(customer, free);
        assertThat(reconfirmed.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(reconfirmed.get("payment").get("status").asString()).isEqualTo("PAID");

        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json("""
                {"id":"re_late_1","object":"refund","amount":1000,"currency":"gbp",
                 "payment_intent":"pi_%s","status":"succeeded"}""".formatted(takenSession))));
        String paidTooLate = completed("evt_late_" + takenSession, takenSession, 1000, "gbp", ACCOUNT);
        assertThat(deliver(paidTooLate, signature(paidTooLate, SECRET)).status()).isEqualTo(204);
        JsonNode refunded = mine(customer, taken);
        assertThat(refunded.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(refunded.get("payment").get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.get("payment").get("refunded").get("amount").decimalValue())
                .isEqualByComparingTo("10.00");
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withRequestBody(containing("payment_intent=pi_" + takenSession)));
        assertThat(CELLS.column(salon, "select type from outbox_event where aggregate_id = '" + taken
                + "' and type like 'payment.%' order by id")).containsExactly("payment.succeeded",
                        "payment.refunded");
        // the refund's own notice afterwards changes nothing more
        String refundNotice = """
                {"id":"evt_re_late_1","object":"event","type":"refund.updated","account":"%s",
                 "api_version":"2020-08-27","data":{"object":{"id":"re_late_1","object":"refund","amount":1000,
                 "currency":"gbp","payment_intent":"pi_%s","status":"succeeded"}}}""".formatted(ACCOUNT, takenSession);
        assertThat(deliver(refundNotice, signature(refundNotice, SECRET)).status()).isEqualTo(204);
        assertThat(CELLS.column(salon, "select count(*) from journal_entry where kind = 'REFUND' and booking_id = '"
                + taken + "'")).containsExactly("1");
    }

    @Test
    void aCustomerCancellingWithinThePolicyIsRefundedInFull() throws Exception {
        Paid booking = paidBooking("cancel", at(3, "10:00"));
        String id = booking.id();
        String session = booking.session();
        assertThat(mine(customer, id).get("status").asString()).isEqualTo("CONFIRMED");
        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json("""
                {"id":"re_cancel_1","object":"refund","amount":1000,"currency":"gbp",
                 "payment_intent":"pi_%s","status":"succeeded"}""".formatted(session))));

        Http.Response cancelled = http.send("POST", "pay-a.localhost", "/api/v1/me/bookings/" + id + "/cancel", null,
                "Authorization", "Bearer " + customer);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        JsonNode after = mine(customer, id);
        assertThat(after.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(after.get("payment").get("status").asString()).isEqualTo("REFUNDED");
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withRequestBody(containing("payment_intent=pi_" + session))
                .withRequestBody(containing("amount=1000")));
        assertThat(sweeps.sweep().refundsAsked()).as("nothing is left to refund").isZero();
        assertThat(CELLS.column(salon, "select count(*) from journal_entry where kind = 'REFUND' and booking_id = '"
                + id + "'")).containsExactly("1");
    }

    @Test
    void aPrepaidVisitMovedToACheaperStylistIsRefundedTheDifferenceOnceAndADearerOneIsPaidAtTheSalon()
            throws Exception {
        Http.Response placed = http.send("POST", "pay-a.localhost", "/api/v1/bookings", """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}]}"""
                .formatted(soho, at(5, "10:00"), colour, anna), "Idempotency-Key", "colour-booking",
                "Authorization", "Bearer " + customer);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String id = placed.json().get("id").asString();
        assertThat(placed.json().get("payment").get("due").get("amount").decimalValue())
                .isEqualByComparingTo("30.00");
        String session = nextSession();
        pay(customer, id, "colour-pay", "card");
        String paid = completed("evt_colour_" + session, session, 3000, "gbp", ACCOUNT);
        assertThat(deliver(paid, signature(paid, SECRET)).status()).isEqualTo(204);
        assertThat(mine(customer, id).get("status").asString()).isEqualTo("CONFIRMED");
        STRIPE.resetRequests();
        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json("""
                {"id":"re_colour_1","object":"refund","amount":1000,"currency":"gbp",
                 "payment_intent":"pi_%s","status":"succeeded"}""".formatted(session))));
        UUID bookingId = UUID.fromString(id);

        // the front desk gives the visit to Bea, who charges 20.00: 10.00 of the 30.00 paid goes back
        TenantContext.asTenant(salon, () -> staffBookings.reschedule(bookingId,
                Instant.parse(at(5, "11:00")), List.of(bea), "front-desk"));
        JsonNode cheaper = mine(customer, id);
        assertThat(cheaper.get("price").get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(cheaper.get("items").get(0).get("price").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(cheaper.get("payment").get("due").get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(cheaper.get("payment").get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(cheaper.get("payment").get("refunded").get("amount").decimalValue())
                .isEqualByComparingTo("10.00");
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withRequestBody(containing("payment_intent=pi_" + session))
                .withRequestBody(containing("amount=1000")));
        assertThat(CELLS.column(salon, "select details ->> 'priceBefore' || ' ' || (details ->> 'priceAfter') "
                + "from audit_entry where action = 'booking.reschedule' and subject_id = '" + id + "'"))
                .containsExactly("30.00 20.00");
        // asked again (the sweep, a second listener) nothing more goes back
        sweeps.sweep();
        TenantContext.asTenant(salon, () -> payments.bookingRepriced(bookingId));
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds")));

        // then to Carl, who charges 40.00: nothing is asked ahead again, the 20.00 more is paid at the salon
        TenantContext.asTenant(salon, () -> staffBookings.reschedule(bookingId,
                Instant.parse(at(5, "12:00")), List.of(carl), "front-desk"));
        JsonNode dearer = mine(customer, id);
        assertThat(dearer.get("price").get("amount").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(dearer.get("payment").get("due").get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(dearer.get("payment").get("paid").get("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(dearer.get("payment").get("refunded").get("amount").decimalValue())
                .isEqualByComparingTo("10.00");
        // and kept by Carl at another time, the price agreed stays
        TenantContext.asTenant(salon, () -> staffBookings.reschedule(bookingId,
                Instant.parse(at(5, "14:00")), null, "front-desk"));
        assertThat(mine(customer, id).get("price").get("amount").decimalValue()).isEqualByComparingTo("40.00");
        sweeps.sweep();
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds")));
        assertThat(CELLS.column(salon, "select kind || ' ' || sum(p.amount_minor) from journal_entry e "
                + "join journal_posting p on p.entry_id = e.id and p.side = 'D' where e.booking_id = '" + id
                + "' and e.kind in ('CHARGE', 'REFUND') group by kind order by kind"))
                .containsExactly("CHARGE 3000", "REFUND 1000");
    }

    @Test
    void twentyConcurrentPartialRefundsNeverGiveBackMoreThanWasPaid() throws Exception {
        Paid booking = paidBooking("partial", at(4, "10:00"));
        String id = booking.id();
        String session = booking.session();
        // each refund answered with its own id and the amount asked
        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json("""
                {"id":"re_{{randomValue length=16 type='ALPHANUMERIC'}}","object":"refund",
                 "amount":{{formData request.body 'form' urlDecode=true}}{{form.amount}},"currency":"gbp",
                 "payment_intent":"pi_%s","status":"succeeded"}""".formatted(session))
                .withTransformers("response-template")));

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CyclicBarrier start = new CyclicBarrier(20);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "partial-" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    return TenantContext.asTenant(salon, () -> payments.refundByStaff(UUID.fromString(id),
                            Money.parse("1.50", "GBP"), "goodwill", "staff-user", key)).getFirst().status();
                } catch (RefundTooLargeException refused) {
                    return "REFUSED";
                }
            }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        assertThat(Collections.frequency(results, "SUCCEEDED")).as(results.toString()).isEqualTo(6);
        assertThat(Collections.frequency(results, "REFUSED")).as(results.toString()).isEqualTo(14);
        JsonNode after = mine(customer, id);
        assertThat(after.get("payment").get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(after.get("payment").get("refunded").get("amount").decimalValue()).isEqualByComparingTo("9.00");
        assertThat(CELLS.column(salon, """
                select sum(p.amount_minor) from journal_entry e join journal_posting p on p.entry_id = e.id
                 where e.kind = 'REFUND' and p.side = 'D' and e.booking_id = '%s'""".formatted(id)))
                .containsExactly("900");
        // a key that was answered answers the same refund again, though no more than 1.00 is left
        String answered = "partial-" + results.indexOf("SUCCEEDED");
        assertThat(TenantContext.asTenant(salon, () -> payments.refundByStaff(UUID.fromString(id),
                Money.parse("1.50", "GBP"), "goodwill", "staff-user", answered)).getFirst().status())
                .isEqualTo("SUCCEEDED");
        // and a key that was refused is refused again: nothing was stored under it
        String refused = "partial-" + results.indexOf("REFUSED");
        assertThatThrownBy(() -> TenantContext.asTenant(salon, () -> payments.refundByStaff(UUID.fromString(id),
                Money.parse("1.50", "GBP"), "goodwill", "staff-user", refused)))
                .isInstanceOf(RefundTooLargeException.class);
        assertThat(CELLS.column(salon, "select count(*) from payment_refund r join payment p on p.id = r.payment_id"
                + " where p.booking_id = '" + id + "'")).containsExactly("6");
    }

    @Test
    void thePagesAskForTheDepositSendTheCustomerToPayAndShowItPaidThenRefunded() throws Exception {
        PageVisitor visitor = new PageVisitor(port);
        String token = customer("pages@payments.test");
        String site = "http://pay-a.localhost:" + PORT;
        PageVisitor.Page signedIn = visitor.signIn(visitor.get(site + "/my/bookings"), "pages@payments.test",
                PASSWORD);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        String start = at(5, "11:00");
        PageVisitor.Page review = visitor.get(site + "/book/confirm?location=" + soho + "&service=" + cut + "&staff="
                + anna + "&stylist=any&start=" + URLEncoder.encode(start, StandardCharsets.UTF_8));
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        assertThat(review.body()).contains("id=\"due-now\">£10.00", "id=\"pay-card\"")
                .doesNotContain("id=\"pay-alipay\"", "id=\"confirm\"");
        assertThat(review.header("Content-Security-Policy").orElseThrow())
                .as("the form may lead on to the provider's page").contains("http://localhost:" + STRIPE.port());

        String session = nextSession();
        STRIPE.resetRequests();
        List<Map.Entry<String, String>> form = List.of(Map.entry("_csrf", review.csrf()),
                Map.entry("location", soho.toString()), Map.entry("service", cut.toString()),
                Map.entry("staff", anna.toString()), Map.entry("stylist", "any"), Map.entry("start", start),
                Map.entry("key", UUID.randomUUID().toString()), Map.entry("method", "card"));
        PageVisitor.Page toProvider = visitor.post(site + "/book/confirm", form);
        assertThat(toProvider.status()).as(toProvider.body()).isEqualTo(302);
        assertThat(toProvider.location()).isEqualTo("https://checkout.test/" + session);
        assertThat(visitor.post(site + "/book/confirm", form).location()).as("a second click, the same order")
                .isEqualTo("https://checkout.test/" + session);
        STRIPE.verify(1, postRequestedFor(urlPathEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing("%2Fpaid")));
        String id = http.send("GET", "pay-a.localhost", "/api/v1/me/bookings", null, "Authorization",
                "Bearer " + token).json().get(0).get("id").asString();
        String booking = site + "/my/bookings/" + id;

        // back from the provider before its notice: the provider is asked, and says it waits
        STRIPE.stubFor(get(urlPathEqualTo("/v1/checkout/sessions/" + session))
                .willReturn(json(session(session, "open", "unpaid"))));
        PageVisitor.Page waiting = visitor.get(booking + "/paid");
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.body()).contains("waiting for the payment service", "id=\"check-again\"",
                "id=\"pay-card\"");
        // came back without paying: the time is still kept and the methods offered again
        PageVisitor.Page notPaid = visitor.get(booking + "/pay");
        assertThat(notPaid.body()).contains("The payment was not completed", "id=\"pay-card\"");
        assertThat(visitor.post(booking + "/pay", List.of(Map.entry("_csrf", notPaid.csrf()),
                Map.entry("key", UUID.randomUUID().toString()), Map.entry("method", "bitcoin"))).status())
                .isEqualTo(400);

        String notice = completed("evt_pages_" + session, session, 1000, "gbp", ACCOUNT);
        assertThat(deliver(notice, signature(notice, SECRET)).status()).isEqualTo(204);
        PageVisitor.Page paid = visitor.get(booking + "/paid");
        assertThat(paid.status()).isEqualTo(302);
        assertThat(paid.location()).endsWith("/my/bookings/" + id + "?paid");
        PageVisitor.Page confirmed = visitor.follow(paid);
        assertThat(confirmed.body()).contains("Payment received", "Confirmed", "id=\"paid\">£10.00",
                "id=\"receipt\"").doesNotContain("id=\"pay-card\"");
        assertThat(visitor.get(site + "/my/bookings").body()).contains("£10.00 paid");
        PageVisitor.Page receipt = visitor.get(booking + "/receipt");
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body()).contains("Payment", "pi_" + session, "id=\"net-paid\">£10.00");

        STRIPE.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(json("""
                {"id":"re_pages_1","object":"refund","amount":1000,"currency":"gbp",
                 "payment_intent":"pi_%s","status":"succeeded"}""".formatted(session))));
        PageVisitor.Page cancelled = visitor.post(booking + "/cancel", List.of(Map.entry("_csrf",
                confirmed.csrf())));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(302);
        assertThat(visitor.follow(cancelled).body()).contains("Cancelled", "id=\"refunded\">£10.00");
        assertThat(visitor.get(booking + "/receipt").body()).contains("Refund", "−£10.00",
                "id=\"net-paid\">£0.00");
        assertThat(visitor.get(site + "/my/bookings?lang=zh").body()).contains("已退 £10.00");
    }

    /**
     * The pay pages of someone else's booking are no such page, and a seeded fuzz of malformed ids, methods and keys
     * ({@code -Dfuzz.seed=N} replays) never gets a server error, never leaves the site, and opens no order.
     */
    @Test
    void thePayPagesOfAnotherCustomersBookingAreNotFoundAndMalformedOnesNeverFail() throws Exception {
        Paid theirs = paidBooking("pages-other", at(6, "10:00"));
        String mine = book(customer, "pages-fuzz", at(6, "14:00")).get("id").asString();
        PageVisitor visitor = new PageVisitor(port);
        customer("nosy@payments.test");
        String site = "http://pay-a.localhost:" + PORT;
        PageVisitor.Page signedIn = visitor.signIn(visitor.get(site + "/my/bookings"), "nosy@payments.test",
                PASSWORD);
        assertThat(signedIn.status()).isEqualTo(200);
        String csrf = signedIn.csrf();
        String other = site + "/my/bookings/" + theirs.id();
        for (String path : List.of("", "/pay", "/paid", "/receipt", "/payments/" + UUID.randomUUID() + "/scan",
                "/payments/" + UUID.randomUUID() + "/wechat", "/pay/wechat?key=" + UUID.randomUUID()
                        + "&code=abc&state=def")) {
            PageVisitor.Page page = visitor.get(other + path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("£10.00");
        }
        assertThat(visitor.post(other + "/pay", List.of(Map.entry("_csrf", csrf), Map.entry("method", "card"),
                Map.entry("key", UUID.randomUUID().toString()))).status()).isEqualTo(404);

        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("PaymentsIT pay pages fuzz seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> payments = CELLS.column(salon, "select count(*) from payment");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String id = pick(random, theirs.id(), mine, UUID.randomUUID().toString(), "not-a-uuid", "%00", "..%2F",
                    "x".repeat(1 + random.nextInt(500)), "");
            String path = "/my/bookings/" + id + pick(random, "/pay", "/paid", "/receipt", "/payments/"
                    + pick(random, UUID.randomUUID().toString(), "%25zz", "1") + pick(random, "/scan", "/wechat"),
                    "/pay?unavailable", "/pay?method=%E2%82", "/paid?lang=%25", "/pay/wechat?key="
                            + pick(random, UUID.randomUUID().toString(), "", "%00", "k".repeat(3_000)) + "&code="
                            + pick(random, "", "abc", "%E2%82", "c".repeat(2_000)) + "&state="
                            + pick(random, "", "s", "%25", "t".repeat(200)),
                    "/pay/wechat");
            PageVisitor.Page page;
            if (random.nextBoolean() && path.endsWith("/pay")) {
                page = visitor.post(site + path, List.of(Map.entry("_csrf", csrf), Map.entry("method",
                        pick(random, "card", "alipay", "at-salon", "", "CARD", "card\u0000", "😀")),
                        Map.entry("key", pick(random, UUID.randomUUID().toString(), "", "short", "%",
                                "k".repeat(5_000)))));
            } else {
                page = visitor.get(site + path);
            }
            if (page.status() >= 500) {
                failures.add(path + " → " + page.status());
            } else if (page.status() >= 300 && page.status() < 400 && !page.location().startsWith("/")
                    && !page.location().startsWith(site)) {
                failures.add(path + " → elsewhere: " + page.location());
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(CELLS.column(salon, "select count(*) from payment")).as("no order was opened").isEqualTo(payments);
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A booking of the customer's and its Checkout session, its deposit paid (the notice delivered). */
    record Paid(String id, String session) {
    }

    private Paid paidBooking(String name, String start) throws Exception {
        String id = book(customer, name + "-booking", start).get("id").asString();
        String session = nextSession();
        pay(customer, id, name + "-pay", "card");
        String paid = completed("evt_" + name + "_" + session, session, 1000, "gbp", ACCOUNT);
        assertThat(deliver(paid, signature(paid, SECRET)).status()).isEqualTo(204);
        return new Paid(id, session);
    }

    private String nextSession() {
        String id = "cs_test_" + SESSIONS.incrementAndGet();
        STRIPE.stubFor(post(urlPathEqualTo("/v1/checkout/sessions")).willReturn(json("""
                {"id":"%s","object":"checkout.session","url":"https://checkout.test/%s","status":"open",
                 "payment_status":"unpaid","amount_total":1000,"currency":"gbp","mode":"payment"}"""
                .formatted(id, id))));
        return id;
    }

    private static String session(String id, String status, String paymentStatus) {
        return """
                {"id":"%s","object":"checkout.session","url":"https://checkout.test/%s","status":"%s",
                 "payment_status":"%s","amount_total":1000,"currency":"gbp","mode":"payment"}"""
                .formatted(id, id, status, paymentStatus);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static String completed(String event, String session, long amount, String currency, String account) {
        return """
                {"id":"%s","object":"event","type":"checkout.session.completed","account":"%s",
                 "api_version":"2020-08-27","data":{"object":{"id":"%s","object":"checkout.session",
                 "status":"complete","payment_status":"paid","amount_total":%d,"currency":"%s",
                 "payment_intent":"pi_%s"}}}""".formatted(event, account, session, amount, currency, session);
    }

    /** A Stripe-Signature header for {@code body}, signed now by the app's clock. */
    private String signature(String body, String secret) throws Exception {
        long now = clock.instant().getEpochSecond();
        return "t=" + now + ",v1=" + Webhook.Util.computeHmacSha256(secret, now + "." + body);
    }

    private Http.Response deliver(String body, String signature) {
        return signature == null
                ? http.send("POST", "localhost", "/webhooks/stripe", body)
                : http.send("POST", "localhost", "/webhooks/stripe", body, "Stripe-Signature", signature);
    }

    private Http.Response pay(String token, String bookingId, String key, String method) {
        return http.send("POST", "pay-a.localhost", "/api/v1/me/bookings/" + bookingId + "/payments",
                "{\"method\":\"" + method + "\"}", "Idempotency-Key", key, "Authorization", "Bearer " + token);
    }

    private JsonNode mine(String token, String bookingId) {
        return http.send("GET", "pay-a.localhost", "/api/v1/me/bookings/" + bookingId, null, "Authorization",
                "Bearer " + token).json();
    }

    private JsonNode book(String token, String key, String start) {
        Http.Response response = http.send("POST", "pay-a.localhost", "/api/v1/bookings", """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}]}"""
                .formatted(soho, start, cut, anna), "Idempotency-Key", key, "Authorization", "Bearer " + token);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static String at(int day, String time) {
        return DAY_ZERO.plusDays(day).atTime(LocalTime.parse(time)).atZone(LONDON).toInstant().toString();
    }

    private String customer(String email) {
        Http.Response registered = http.post("pay-a.localhost", "/api/v1/customers", """
                {"name":"Payer","email":"%s","password":"%s"}""".formatted(email, PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return KEYCLOAK.accessToken("atelier", "atelier-dev", email, PASSWORD, "openid");
    }
}
