package dev.atelier.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.MailServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
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
 * A booking's emails through the real parts: the portal books, moves and cancels a customer's visit, the outbox relay
 * hands each event to the notifications, and GreenMail (a real SMTP server) receives one message each — in the
 * chain's brand, with a link back to the booking and its calendar entry (the same entry, its sequence growing, then
 * withdrawn) — each logged once in the chain's delivery log; an event handled again sends nothing more; a guest
 * without an address is logged as skipped.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingEmailsIT {

    static final TestCells CELLS = TestCells.create("booking_emails");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final MailServer MAIL = MailServer.start(Ports.free(), Ports.free());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 6);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("atelier.notifications.enabled", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::smtpPort);
        registry.add("atelier.outbox.relay.poll", () -> "200ms");
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
    ZoneId zone = ZoneId.of("Europe/London");

    @BeforeAll
    void salon() throws Exception {
        chains = new Chains(new Http(port), KEYCLOAK);
        desk = chains.token(chains.signUp("mailing"));
        location = chains.addAllDaySalon(desk, "Mail salon", zone);
        stylist = chains.addStaff(desk, "anna@mailing.test", "STYLIST", location);
        service = chains.addService(desk, "Mail cut");
        chains.worksAllDay(desk, stylist, location, service);
        tenant = directory.bySlug(Slug.of("mailing")).orElseThrow();
    }

    @AfterAll
    void close() {
        MAIL.close();
    }

    @Test
    void theCustomerHearsOfTheBookingItsMoveAndItsCancellationOnceEachWithItsCalendarEntry() throws Exception {
        String customer = UUID.randomUUID().toString();
        CELLS.update(tenant, """
                insert into customer (id, user_id, name, email, phone, created_at, last_seen_at)
                values ('%s', 'mail-customer', 'Mei Lin', 'mei@mailing.test', '+44 7700 900001', now(), now())"""
                .formatted(customer));
        Instant start = day().atTime(LocalTime.of(10, 0)).atZone(zone).toInstant();
        Http.Response booked = chains.call("POST", "/api/v1/bookings", desk, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"customerId":"%s"}"""
                .formatted(location, start, service, stylist, customer), "Idempotency-Key", "mail-1");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String booking = booked.json().get("id").asString();
        List<MimeMessage> confirmed = await("mei@mailing.test", 1);

        MimeMessage first = confirmed.getFirst();
        assertThat(first.getSubject()).startsWith("Booking confirmed: Mail salon");
        String brand = chains.call("GET", "/api/v1/theme", desk, null).json().get("theme").get("brandName")
                .asString();
        assertThat(((jakarta.mail.internet.InternetAddress) first.getFrom()[0]).getPersonal()).isEqualTo(brand);
        assertThat(((jakarta.mail.internet.InternetAddress) first.getFrom()[0]).getAddress())
                .isEqualTo("no-reply@atelier.localhost");
        assertThat(first.getMessageID()).as("the notification's id").endsWith("@atelier.localhost>");
        String html = part(first, "text/html");
        keep("confirmed-en", html);
        assertThat(html).contains("Hello Mei Lin,", "Mail cut", "Mail salon", "1 High Street",
                "http://mailing.localhost:8080/my/bookings/" + booking, "£25.00");
        assertThat(part(first, "text/plain")).contains("Your booking is confirmed.");
        String invite = part(first, "text/calendar");
        assertThat(invite).contains("METHOD:REQUEST", "UID:" + booking + "@atelier", "STATUS:CONFIRMED",
                "DTSTART:" + ics(start));

        Instant later = start.plus(Duration.ofHours(3));
        Http.Response moved = chains.call("POST", "/api/v1/bookings/" + booking + "/reschedule", desk, """
                {"start":"%s"}""".formatted(later));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        MimeMessage second = await("mei@mailing.test", 2).get(1);
        assertThat(second.getSubject()).startsWith("Booking moved: Mail salon");
        String moveInvite = part(second, "text/calendar");
        assertThat(moveInvite).contains("METHOD:REQUEST", "UID:" + booking + "@atelier", "DTSTART:" + ics(later));
        assertThat(sequence(moveInvite)).as("the same entry, changed").isGreaterThan(sequence(invite));

        assertThat(chains.call("POST", "/api/v1/bookings/" + booking + "/cancel", desk, null).status())
                .isEqualTo(200);
        MimeMessage third = await("mei@mailing.test", 3).get(2);
        assertThat(third.getSubject()).startsWith("Booking cancelled: Mail salon");
        assertThat(part(third, "text/calendar")).contains("METHOD:CANCEL", "STATUS:CANCELLED",
                "UID:" + booking + "@atelier");
        assertThat(CELLS.column(tenant, "select kind || ' ' || status || ' ' || recipient from notification"
                + " where booking_id = '" + booking + "' order by created_at")).containsExactly(
                        "BOOKING_CONFIRMED SENT mei@mailing.test", "BOOKING_RESCHEDULED SENT mei@mailing.test",
                        "BOOKING_CANCELLED SENT mei@mailing.test");

        // the relay hands the confirmation again (as after a crash before it recorded the handling): nothing is sent
        long seq = Long.parseLong(CELLS.column(tenant, "select r.seq from relay.event r where r.aggregate_id = '"
                + booking + "' and r.type = 'booking.confirmed'").getFirst());
        CELLS.update(tenant, "insert into relay.pending (consumer, seq, aggregate_id) values ('notifications', "
                + seq + ", '" + booking + "')");
        waitFor(() -> pendingFor(booking) == 0);
        Thread.sleep(500);
        assertThat(to("mei@mailing.test")).as("never sent twice").hasSize(3);

        // the delivery log, as the front desk reads it
        Http.Response log = chains.call("GET", "/api/v1/notifications?bookingId=" + booking, desk, null);
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        assertThat(log.json().valueStream().map(entry -> entry.get("kind").asString() + " "
                + entry.get("channel").asString() + " " + entry.get("status").asString() + " "
                + entry.get("recipient").asString())).containsExactly("BOOKING_CANCELLED EMAIL SENT mei@mailing.test",
                        "BOOKING_RESCHEDULED EMAIL SENT mei@mailing.test",
                        "BOOKING_CONFIRMED EMAIL SENT mei@mailing.test");
        assertThat(log.json().get(0).get("sentAt").isNull()).isFalse();
        assertThat(chains.call("GET", "/api/v1/notifications?limit=0", desk, null).status()).isEqualTo(400);
        assertThat(chains.call("GET", "/api/v1/notifications", chains.token("anna@mailing.test"), null).status())
                .as("not a stylist's").isEqualTo(403);
    }

    @Test
    void aGuestWithoutAnAddressIsLoggedAsSkipped() throws Exception {
        Instant start = day().atTime(LocalTime.of(15, 0)).atZone(zone).toInstant();
        Http.Response booked = chains.call("POST", "/api/v1/bookings", desk, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],
                 "guest":{"name":"Walk Er"}}""".formatted(location, start, service, stylist), "Idempotency-Key",
                "mail-guest");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String booking = booked.json().get("id").asString();
        waitFor(() -> {
            try {
                return !CELLS.column(tenant, "select status from notification where booking_id = '" + booking
                        + "' and status <> 'PENDING'").isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(CELLS.column(tenant, "select status || ' ' || error from notification where booking_id = '"
                + booking + "'")).containsExactly("SKIPPED no email address");
    }

    @Test
    void aCustomerWhoChoseNotToBeEmailedIsNotAndTheLogSaysWhy() throws Exception {
        String customer = UUID.randomUUID().toString();
        CELLS.update(tenant, """
                insert into customer (id, user_id, name, email, phone, created_at, last_seen_at)
                values ('%s', 'texts-only', 'Tex Only', 'tex@mailing.test', '+44 7700 900003', now(), now());
                insert into customer_preferences (customer_id, channels, marketing, updated_at)
                values ('%1$s', 'SMS', false, now())""".formatted(customer));
        Instant start = day().atTime(LocalTime.of(17, 0)).atZone(zone).toInstant();
        Http.Response booked = chains.call("POST", "/api/v1/bookings", desk, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"customerId":"%s"}"""
                .formatted(location, start, service, stylist, customer), "Idempotency-Key", "mail-no-email");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String booking = booked.json().get("id").asString();
        waitFor(() -> {
            try {
                return !CELLS.column(tenant, "select status from notification where booking_id = '" + booking
                        + "' and status <> 'PENDING'").isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(CELLS.column(tenant, "select status || ' ' || error from notification where booking_id = '"
                + booking + "'")).containsExactly("SKIPPED the customer chose not to be told by email");
        assertThat(to("tex@mailing.test")).isEmpty();
    }

    @Test
    void aChineseChainsCustomerIsToldInChineseAtTheSalonsTime() throws Exception {
        Http http = new Http(port);
        Http.Response signedUp = http.post("localhost", "/api/v1/signup", """
                {"chainName":"丝语","slug":"siyu","country":"CN","currency":"CNY","timezone":"Asia/Shanghai",
                 "locale":"zh-CN","owner":{"name":"李娜","email":"owner@siyu.test","password":"%s"}}"""
                .formatted(Chains.PASSWORD));
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(201);
        String owner = chains.token("owner@siyu.test");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        String salon = chains.addAllDaySalon(owner, "静安店", shanghai);
        String zhou = chains.addStaff(owner, "zhou@siyu.test", "STYLIST", salon);
        Http.Response service = chains.call("POST", "/api/v1/services", owner, """
                {"name":"洗剪吹","category":"剪发","durationMinutes":45,"price":{"amount":238,"currency":"CNY"},
                 "onlineBookable":true}""");
        assertThat(service.status()).as(service.body()).isEqualTo(201);
        String cut = service.json().get("id").asString();
        chains.worksAllDay(owner, zhou, salon, cut);
        Tenant siyu = directory.bySlug(Slug.of("siyu")).orElseThrow();
        String customer = UUID.randomUUID().toString();
        CELLS.update(siyu, """
                insert into customer (id, user_id, name, email, phone, created_at, last_seen_at)
                values ('%s', 'siyu-customer', '王芳', 'fang@siyu.test', '+86 138 0013 8000', now(), now())"""
                .formatted(customer));
        Instant start = LocalDate.now(shanghai).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.THURSDAY))
                .atTime(LocalTime.of(14, 30)).atZone(shanghai).toInstant();
        Http.Response booked = chains.call("POST", "/api/v1/bookings", owner, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"customerId":"%s"}"""
                .formatted(salon, start, cut, zhou, customer), "Idempotency-Key", "siyu-1");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);

        MimeMessage message = await("fang@siyu.test", 1).getFirst();
        assertThat(message.getSubject()).startsWith("预约已确认：静安店");
        String html = part(message, "text/html");
        keep("confirmed-zh-CN", html);
        assertThat(html).contains("lang=\"zh-CN\"", "王芳，您好：", "您的预约已确认。", "洗剪吹", "14:30",
                "查看或更改预约", "http://siyu.localhost:8080/my/bookings/", "¥238.00");
        assertThat(part(message, "text/plain")).contains("时间", "门店", "项目");
        assertThat(part(message, "text/calendar")).contains("DTSTART:" + ics(start));
    }

    /** Keeps a message's HTML under {@code target/mail/} for a look in a browser. */
    private static void keep(String name, String html) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("target", "mail", name + ".html");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, html);
    }

    private LocalDate day() {
        return LocalDate.now(zone).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
    }

    private long pendingFor(String booking) {
        try {
            return Long.parseLong(CELLS.column(tenant, "select count(*) from relay.pending where aggregate_id = '"
                    + booking + "' and consumer = 'notifications'").getFirst());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ics(Instant instant) {
        return instant.toString().replace("-", "").replace(":", "").replace(".000", "");
    }

    private static int sequence(String calendar) {
        return calendar.lines().filter(line -> line.startsWith("SEQUENCE:")).map(line -> Integer.parseInt(
                line.substring("SEQUENCE:".length()).strip())).findFirst().orElseThrow();
    }

    private List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : MAIL.received()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                found.add(message);
            }
        }
        return found;
    }

    private List<MimeMessage> await(String address, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (to(address).size() < count) {
            assertThat(Instant.now()).as("mail " + count + " to " + address).isBefore(deadline);
            Thread.sleep(100);
        }
        return to(address);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** The first part of {@code type} in the message, as text. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            try (InputStream in = part.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            }
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
