package dev.atelier.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.MailServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.sms.SmsFakes;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Text messages through the real SDKs against the local fakes of the providers: a customer in Britain is texted by
 * Twilio from the platform's number, one in mainland China by Aliyun SMS with the approved template, its fields and
 * the chain's name as signature, each text a row of the delivery log under the E.164 number; a customer who chose
 * no texts gets none; a number the provider refuses is tried again without the email going twice.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingTextsIT {

    static final TestCells CELLS = TestCells.create("booking_texts");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final MailServer MAIL = MailServer.start(Ports.free(), Ports.free());
    static final SmsFakes SMS = SmsFakes.start(0, Clock.systemUTC());
    static final String FROM = "+15005550006";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 6);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("atelier.notifications.enabled", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::smtpPort);
        registry.add("atelier.outbox.relay.poll", () -> "200ms");
        registry.add("atelier.notifications.sms.twilio.account-sid", () -> SmsFakes.TWILIO_ACCOUNT_SID);
        registry.add("atelier.notifications.sms.twilio.auth-token", () -> SmsFakes.TWILIO_AUTH_TOKEN);
        registry.add("atelier.notifications.sms.twilio.from", () -> FROM);
        registry.add("atelier.notifications.sms.twilio.api-base", () -> SMS.baseUrl() + "/twilio");
        registry.add("atelier.notifications.sms.aliyun.access-key-id", () -> SmsFakes.ALIYUN_ACCESS_KEY_ID);
        registry.add("atelier.notifications.sms.aliyun.access-key-secret", () -> SmsFakes.ALIYUN_ACCESS_KEY_SECRET);
        registry.add("atelier.notifications.sms.aliyun.endpoint", () -> "localhost:" + SMS.port());
        registry.add("atelier.notifications.sms.aliyun.protocol", () -> "HTTP");
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory directory;

    Chains chains;
    String desk;
    String location;
    String stylist;
    String service;
    Tenant tenant;
    final ZoneId london = ZoneId.of("Europe/London");

    @BeforeAll
    void salon() {
        chains = new Chains(new Http(port), KEYCLOAK);
        desk = chains.token(chains.signUp("texting"));
        location = chains.addAllDaySalon(desk, "Text salon", london);
        stylist = chains.addStaff(desk, "tess@texting.test", "STYLIST", location);
        service = chains.addService(desk, "Text cut");
        chains.worksAllDay(desk, stylist, location, service);
        tenant = directory.bySlug(Slug.of("texting")).orElseThrow();
    }

    @AfterAll
    void close() {
        MAIL.close();
        SMS.close();
    }

    @Test
    void aCustomerInBritainIsTextedByTwilioFromThePlatformsNumber() throws Exception {
        String booking = book(tenant, desk, location, service, stylist, london, 10, "Tom Text", "tom@texting.test",
                "+44 7700 900123", "text-1");
        waitFor(() -> !SMS.textsTo("+447700900123").isEmpty());
        SmsFakes.Text text = SMS.textsTo("+447700900123").getFirst();
        assertThat(text.provider()).isEqualTo("twilio");
        assertThat(text.from()).isEqualTo(FROM);
        assertThat(text.text()).contains("your booking at Text salon", "is confirmed",
                "http://texting.localhost:8080/my/bookings/" + booking);
        waitFor(() -> sent(tenant, booking).size() == 2);
        assertThat(sent(tenant, booking)).containsExactlyInAnyOrder("EMAIL SENT tom@texting.test",
                "SMS SENT +447700900123");

        assertThat(chains.call("POST", "/api/v1/bookings/" + booking + "/cancel", desk, null).status())
                .isEqualTo(200);
        waitFor(() -> SMS.textsTo("+447700900123").size() == 2);
        assertThat(SMS.textsTo("+447700900123").get(1).text()).contains("is cancelled");
        Thread.sleep(500);
        assertThat(SMS.textsTo("+447700900123")).as("once each").hasSize(2);
    }

    @Test
    void aCustomerInChinaIsTextedByAliyunWithTheApprovedTemplateSignedWithTheChainsName() throws Exception {
        Http http = new Http(port);
        Http.Response signedUp = http.post("localhost", "/api/v1/signup", """
                {"chainName":"丝语","slug":"siyu-texts","country":"CN","currency":"CNY","timezone":"Asia/Shanghai",
                 "locale":"zh-CN","owner":{"name":"李娜","email":"owner@siyu-texts.test","password":"%s"}}"""
                .formatted(Chains.PASSWORD));
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(201);
        String owner = chains.token("owner@siyu-texts.test");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        String salon = chains.addAllDaySalon(owner, "静安店", shanghai);
        String zhou = chains.addStaff(owner, "zhou@siyu-texts.test", "STYLIST", salon);
        Http.Response service = chains.call("POST", "/api/v1/services", owner, """
                {"name":"洗剪吹","category":"剪发","durationMinutes":45,"price":{"amount":238,"currency":"CNY"},
                 "onlineBookable":true}""");
        assertThat(service.status()).as(service.body()).isEqualTo(201);
        String cut = service.json().get("id").asString();
        chains.worksAllDay(owner, zhou, salon, cut);
        Tenant siyu = directory.bySlug(Slug.of("siyu-texts")).orElseThrow();
        String brand = chains.call("GET", "/api/v1/theme", owner, null).json().get("theme").get("brandName")
                .asString();

        String booking = book(siyu, owner, salon, cut, zhou, shanghai, 14, "王芳", "fang@siyu-texts.test",
                "+86 138 0013 8000", "siyu-text-1");
        waitFor(() -> !SMS.textsTo("13800138000").isEmpty());
        SmsFakes.Text text = SMS.textsTo("13800138000").getFirst();
        assertThat(text.provider()).isEqualTo("aliyun");
        assertThat(text.from()).as("the signature").isEqualTo(brand);
        assertThat(text.template()).isEqualTo("SMS_BOOKING_CONFIRMED");
        assertThat(text.parameters()).contains("\"salon\":\"静安店\"", "14:00");
        waitFor(() -> sent(siyu, booking).size() == 2);
        assertThat(sent(siyu, booking)).contains("SMS SENT +8613800138000");
        assertThat(CELLS.column(siyu, "select subject from notification where channel = 'SMS' and booking_id = '"
                + booking + "'")).singleElement().asString().startsWith("【" + brand + "】您在静安店的预约已确认");
    }

    @Test
    void aCustomerWhoChoseNoTextsGetsNone() throws Exception {
        String customer = customer(tenant, "Nell Notext", "nell@texting.test", "+44 7700 900456");
        CELLS.update(tenant, "insert into customer_preferences (customer_id, channels, marketing, updated_at)"
                + " values ('" + customer + "', 'EMAIL', false, now())");
        String booking = bookFor(tenant, desk, location, service, stylist, london, 12, customer, "text-2");
        waitFor(() -> finished(tenant, booking) == 2);
        assertThat(CELLS.column(tenant, "select channel || ' ' || status || ' ' || coalesce(error, '') from"
                + " notification where booking_id = '" + booking + "' order by channel")).containsExactly(
                        "EMAIL SENT ", "SMS SKIPPED the customer chose not to be told by sms");
        assertThat(SMS.textsTo("+447700900456")).isEmpty();
    }

    @Test
    void aNumberTheProviderRefusesIsTriedAgainWithoutTheEmailGoingTwice() throws Exception {
        String booking = book(tenant, desk, location, service, stylist, london, 15, "Una Reach", "una@texting.test",
                "+44 7700 000000", "text-3");
        waitFor(() -> {
            List<String> attempts = column(tenant, "select attempts from notification where channel = 'SMS' and"
                    + " booking_id = '" + booking + "'");
            return !attempts.isEmpty() && Integer.parseInt(attempts.getFirst()) >= 2;
        });
        assertThat(CELLS.column(tenant, "select status || ' ' || error from notification where channel = 'SMS'"
                + " and booking_id = '" + booking + "'")).singleElement().asString().startsWith("PENDING")
                .contains("21612");
        assertThat(CELLS.column(tenant, "select status || ' ' || attempts from notification where channel ="
                + " 'EMAIL' and booking_id = '" + booking + "'")).containsExactly("SENT 1");
        assertThat(MAIL.received()).filteredOn(message -> {
            try {
                return message.getAllRecipients()[0].toString().equals("una@texting.test");
            } catch (Exception e) {
                return false;
            }
        }).as("the email once, though the event is tried again").hasSize(1);
    }

    private String book(Tenant chain, String token, String salon, String what, String who, ZoneId zone, int hour,
            String name, String email, String phone, String key) throws Exception {
        return bookFor(chain, token, salon, what, who, zone, hour, customer(chain, name, email, phone), key);
    }

    private String customer(Tenant chain, String name, String email, String phone) throws Exception {
        String customer = UUID.randomUUID().toString();
        CELLS.update(chain, """
                insert into customer (id, user_id, name, email, phone, created_at, last_seen_at)
                values ('%s', '%s', '%s', '%s', '%s', now(), now())""".formatted(customer, "user-" + customer, name,
                email, phone));
        return customer;
    }

    private String bookFor(Tenant chain, String token, String salon, String what, String who, ZoneId zone, int hour,
            String customer, String key) {
        Instant start = LocalDate.now(zone).plusDays(9).atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
        Http.Response booked = chains.call("POST", "/api/v1/bookings", token, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"customerId":"%s"}"""
                .formatted(salon, start, what, who, customer), "Idempotency-Key", key);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    private List<String> sent(Tenant chain, String booking) {
        return column(chain, "select channel || ' ' || status || ' ' || recipient from notification where"
                + " booking_id = '" + booking + "' and kind = 'BOOKING_CONFIRMED' and status <> 'PENDING'");
    }

    private int finished(Tenant chain, String booking) {
        return column(chain, "select id from notification where booking_id = '" + booking
                + "' and status <> 'PENDING'").size();
    }

    private static List<String> column(Tenant chain, String sql) {
        try {
            return CELLS.column(chain, sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("in time").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
