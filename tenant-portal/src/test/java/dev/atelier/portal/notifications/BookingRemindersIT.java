package dev.atelier.portal.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.MailServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.notifications.Reminder;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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
 * Reminders through the real parts: 1,000 bookings made at the front desk in salons of 20 time zones, many of them
 * on the days the zones change their clocks, each get a reminder due exactly 24 hours and 2 hours before the visit
 * (as db-scheduler keeps them in {@code platform.scheduled_tasks}), once each, none for a time already past; a moved
 * booking's reminders move with it, a cancelled one's are dropped. A reminder brought due is emailed once, without a
 * calendar entry; one of a booking cancelled since sends nothing.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingRemindersIT {

    static final long SEED = 20261204L;
    static final int BOOKINGS = 1_000;
    static final List<ZoneId> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Los_Angeles", "America/Halifax", "America/St_Johns", "America/Santiago", "Europe/London",
            "Europe/Paris", "Europe/Helsinki", "Africa/Cairo", "Asia/Shanghai", "Asia/Kolkata", "Asia/Kathmandu",
            "Asia/Tokyo", "Australia/Sydney", "Australia/Adelaide", "Australia/Lord_Howe", "Pacific/Auckland",
            "Pacific/Chatham").stream().map(ZoneId::of).toList();

    static final TestCells CELLS = TestCells.create("booking_reminders");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final MailServer MAIL = MailServer.start(Ports.free(), Ports.free());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 8);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("atelier.notifications.enabled", () -> "true");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::smtpPort);
        registry.add("atelier.outbox.relay.poll", () -> "200ms");
        registry.add("db-scheduler.polling-interval", () -> "500ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory directory;

    @Autowired
    SchedulerClient scheduler;

    Chains chains;
    String desk;
    String service;
    Tenant tenant;
    /** Per zone: its salon and its stylist. */
    final Map<ZoneId, String[]> salons = new HashMap<>();

    @BeforeAll
    void chain() throws Exception {
        chains = new Chains(new Http(port), KEYCLOAK);
        desk = chains.token(chains.signUp("reminding"));
        service = chains.addService(desk, "Reminder cut");
        for (int i = 0; i < ZONES.size(); i++) {
            ZoneId zone = ZONES.get(i);
            String location = chains.addAllDaySalon(desk, "Salon " + zone.getId(), zone);
            String stylist = chains.addStaff(desk, "stylist" + i + "@reminding.test", "STYLIST", location);
            chains.worksAllDay(desk, stylist, location, service);
            salons.put(zone, new String[]{location, stylist});
        }
        tenant = directory.bySlug(Slug.of("reminding")).orElseThrow();
    }

    @AfterAll
    void close() {
        MAIL.close();
    }

    /** A booking as the test made it: where, when (the instant it asked for). */
    private record Made(String id, ZoneId zone, Instant start) {
    }

    @Test
    void everyBookingsRemindersAreDueOnceAtTheRightInstantAndFollowItsMovesAndCancellation() throws Exception {
        Random random = new Random(SEED);
        Instant now = Instant.now();
        List<Made> made = new ArrayList<>();
        Map<ZoneId, List<Instant>> taken = new HashMap<>();
        for (int n = 0; n < BOOKINGS; n++) {
            ZoneId zone = ZONES.get(n % ZONES.size());
            Instant start = freeStart(random, zone, now, taken.computeIfAbsent(zone, z -> new ArrayList<>()));
            made.add(new Made(book(zone, start, "reminding-" + n), zone, start));
        }
        assertThat(made.stream().filter(m -> onChangeDay(m.zone(), m.start())).count())
                .as("bookings on the days clocks change").isGreaterThanOrEqualTo(200);
        assertThat(made.stream().filter(m -> acrossChange(m.zone(), m.start())).count())
                .as("bookings whose 24 hours before them are not a local day").isGreaterThanOrEqualTo(150);
        assertThat(made.stream().filter(m -> m.start().isBefore(now.plus(Duration.ofHours(24)))).count())
                .as("bookings too near for a 24-hour reminder").isGreaterThanOrEqualTo(20);
        relayed();
        assertThat(reminders()).as("seed " + SEED).isEqualTo(expected(made));

        // move 50 bookings (a day or two later, at other times) and cancel 50 others
        List<Made> after = new ArrayList<>(made);
        for (int n = 0; n < 50; n++) {
            Made booking = after.get(n * 2);
            Instant later = freeStart(random, booking.zone(), now.plus(Duration.ofDays(2)), taken.get(
                    booking.zone()));
            Http.Response moved = chains.call("POST", "/api/v1/bookings/" + booking.id() + "/reschedule", desk, """
                    {"start":"%s"}""".formatted(later));
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            after.set(n * 2, new Made(booking.id(), booking.zone(), later));
        }
        List<Made> cancelled = new ArrayList<>();
        for (int n = 0; n < 50; n++) {
            Made booking = after.get(n * 2 + 1);
            Http.Response cancel = chains.call("POST", "/api/v1/bookings/" + booking.id() + "/cancel", desk, null);
            assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
            cancelled.add(booking);
        }
        after.removeAll(cancelled);
        relayed();
        assertThat(reminders()).as("seed " + SEED + ", after moves and cancellations").isEqualTo(expected(after));
    }

    @Test
    void aReminderDueIsEmailedOnceWithoutACalendarEntryAndNoneForACancelledBooking() throws Exception {
        ZoneId zone = ZoneId.of("Europe/London");
        String customer = UUID.randomUUID().toString();
        CELLS.update(tenant, """
                insert into customer (id, user_id, name, email, phone, created_at, last_seen_at)
                values ('%s', 'reminded', 'Ada Reed', 'ada@reminding.test', '+44 7700 900002', now(), now())"""
                .formatted(customer));
        Instant start = LocalDate.now(zone).plusDays(150).atTime(LocalTime.of(21, 30)).atZone(zone).toInstant();
        Http.Response booked = chains.call("POST", "/api/v1/bookings", desk, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"customerId":"%s"}"""
                .formatted(salons.get(zone)[0], start, service, salons.get(zone)[1], customer), "Idempotency-Key",
                "reminded-1");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String booking = booked.json().get("id").asString();
        awaitMail("ada@reminding.test", 1);
        relayed();
        TaskInstanceId dayBefore = TaskInstanceId.of("booking-reminder", schema() + ":" + booking + ":24h");
        assertThat(scheduler.getScheduledExecution(dayBefore)).isPresent();

        // the clock reaches the reminder's time
        scheduler.reschedule(dayBefore, Instant.now());
        MimeMessage reminder = awaitMail("ada@reminding.test", 2).get(1);
        assertThat(reminder.getSubject()).startsWith("Reminder: Salon Europe/London");
        assertThat(types(reminder)).as("no second calendar entry").doesNotContain("text/calendar");
        waitFor(() -> scheduler.getScheduledExecution(dayBefore).isEmpty());
        assertThat(CELLS.column(tenant, "select kind || ' ' || status from notification where booking_id = '"
                + booking + "' order by created_at")).containsExactly("BOOKING_CONFIRMED SENT",
                        "BOOKING_REMINDER SENT");
        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of("booking-reminder", schema() + ":" + booking
                + ":2h"))).as("the other reminder still ahead").isPresent();

        // a reminder of a booking cancelled since (as if it ran before the cancellation was handled) tells no one
        assertThat(chains.call("POST", "/api/v1/bookings/" + booking + "/cancel", desk, null).status())
                .isEqualTo(200);
        awaitMail("ada@reminding.test", 3);
        relayed();
        Reminder stale = new Reminder(schema(), booking, "2h", start);
        scheduler.scheduleIfNotExists(new TaskInstance<>("booking-reminder", schema() + ":" + booking + ":2h",
                stale), Instant.now());
        waitFor(() -> scheduler.getScheduledExecution(TaskInstanceId.of("booking-reminder", schema() + ":"
                + booking + ":2h")).isEmpty());
        Thread.sleep(500);
        assertThat(awaitMail("ada@reminding.test", 3)).as("nothing after the cancellation's").hasSize(3);
        assertThat(CELLS.column(tenant, "select count(*) from notification where booking_id = '" + booking
                + "' and kind = 'BOOKING_REMINDER'")).containsExactly("1");
    }

    @Test
    void aReminderDueInTheCustomersQuietHoursWaitsUntilTheyEnd() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        String customer = UUID.randomUUID().toString();
        // quiet from an hour ago until three hours from now, by the customer's clock
        ZonedDateTime now = ZonedDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        CELLS.update(tenant, """
                insert into customer (id, user_id, name, email, phone, created_at, last_seen_at)
                values ('%s', 'quiet', 'Qi Jing', 'qi@reminding.test', '+86 138 0013 8000', now(), now());
                insert into customer_preferences (customer_id, channels, marketing, quiet_from, quiet_to, quiet_zone,
                       updated_at)
                values ('%1$s', 'EMAIL', false, '%s', '%s', 'Asia/Shanghai', now())""".formatted(customer,
                now.minusHours(1).toLocalTime(), now.plusHours(3).toLocalTime()));
        // beyond the days the other tests book
        Instant start = LocalDate.now(zone).plusDays(170).atTime(LocalTime.of(14, 0)).atZone(zone).toInstant();
        Http.Response booked = chains.call("POST", "/api/v1/bookings", desk, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"customerId":"%s"}"""
                .formatted(salons.get(zone)[0], start, service, salons.get(zone)[1], customer), "Idempotency-Key",
                "quiet-1");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String booking = booked.json().get("id").asString();
        awaitMail("qi@reminding.test", 1);
        relayed();

        TaskInstanceId dayBefore = TaskInstanceId.of("booking-reminder", schema() + ":" + booking + ":24h");
        TaskInstanceId held = TaskInstanceId.of("booking-reminder", schema() + ":" + booking + ":24h:held");
        scheduler.reschedule(dayBefore, Instant.now());
        waitFor(() -> scheduler.getScheduledExecution(held).isPresent());
        assertThat(scheduler.getScheduledExecution(held).orElseThrow().getExecutionTime())
                .as("held until the quiet hours end").isEqualTo(now.plusHours(3).toInstant());
        assertThat(CELLS.column(tenant, "select status || ' ' || error from notification where booking_id = '"
                + booking + "' and kind = 'BOOKING_REMINDER'")).singleElement().asString()
                .startsWith("PENDING held through the customer's quiet hours until");
        Thread.sleep(500);
        assertThat(awaitMail("qi@reminding.test", 1)).as("nothing in the quiet hours").hasSize(1);

        // the quiet hours are over (the customer turned them off): the held reminder goes, once
        CELLS.update(tenant, "update customer_preferences set quiet_from = null, quiet_to = null, quiet_zone = null"
                + " where customer_id = '" + customer + "'");
        scheduler.reschedule(held, Instant.now());
        MimeMessage reminder = awaitMail("qi@reminding.test", 2).get(1);
        assertThat(reminder.getSubject()).startsWith("Reminder: Salon Asia/Shanghai");
        waitFor(() -> scheduler.getScheduledExecution(held).isEmpty());
        assertThat(CELLS.column(tenant, "select status from notification where booking_id = '" + booking
                + "' and kind = 'BOOKING_REMINDER'")).containsExactly("SENT");

        assertThat(chains.call("POST", "/api/v1/bookings/" + booking + "/cancel", desk, null).status())
                .isEqualTo(200);
        relayed();
        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of("booking-reminder", schema() + ":" + booking
                + ":2h"))).as("dropped with the booking").isEmpty();
    }

    /**
     * A start for the zone's stylist not within 40 minutes of another: most of them on the days its clocks change or
     * the day after (where it has such days ahead), a few within the next 24 hours, the rest any day of the next 150,
     * at a random five minutes of the local day.
     */
    private static Instant freeStart(Random random, ZoneId zone, Instant from, List<Instant> taken) {
        List<LocalDate> changeDays = changeDays(zone, from);
        while (true) {
            Instant start;
            int pick = random.nextInt(20);
            if (pick == 0) {
                start = from.plus(Duration.ofMinutes(180 + random.nextInt(20 * 60))).truncatedTo(ChronoUnit.MINUTES);
            } else {
                LocalDate day = pick < 15 && !changeDays.isEmpty()
                        ? changeDays.get(random.nextInt(changeDays.size())).plusDays(random.nextInt(2))
                        : LocalDate.ofInstant(from, zone).plusDays(2 + random.nextInt(148));
                start = ZonedDateTime.of(day, LocalTime.MIN.plusMinutes(5L * random.nextInt(276)), zone).toInstant();
            }
            Instant candidate = start;
            if (candidate.atZone(zone).toLocalTime().isAfter(LocalTime.of(23, 0))) {
                continue; // the salon closes at 23:59
            }
            if (taken.stream().noneMatch(other -> Duration.between(other, candidate).abs().toMinutes() < 40)) {
                taken.add(candidate);
                return candidate;
            }
        }
    }

    /** The local days on which the zone's clocks change within the next 150 days. */
    private static List<LocalDate> changeDays(ZoneId zone, Instant from) {
        List<LocalDate> days = new ArrayList<>();
        Instant at = from.plus(Duration.ofDays(2));
        ZoneOffsetTransition next;
        while ((next = zone.getRules().nextTransition(at)) != null
                && next.getInstant().isBefore(from.plus(Duration.ofDays(148)))) {
            days.add(LocalDate.ofInstant(next.getInstant(), zone));
            at = next.getInstant();
        }
        return days;
    }

    private static boolean onChangeDay(ZoneId zone, Instant start) {
        LocalDate day = LocalDate.ofInstant(start, zone);
        return !zone.getRules().getOffset(day.atStartOfDay(zone).toInstant())
                .equals(zone.getRules().getOffset(day.plusDays(1).atStartOfDay(zone).toInstant()))
                || !zone.getRules().getOffset(day.minusDays(1).atStartOfDay(zone).toInstant())
                        .equals(zone.getRules().getOffset(day.atStartOfDay(zone).toInstant()));
    }

    /** Whether the clocks change within the 24 hours before the start, so its reminder is not at the same local time. */
    private static boolean acrossChange(ZoneId zone, Instant start) {
        return !zone.getRules().getOffset(start).equals(zone.getRules().getOffset(start.minus(Duration.ofHours(24))));
    }

    private String book(ZoneId zone, Instant start, String key) {
        String[] salon = salons.get(zone);
        Http.Response booked = chains.call("POST", "/api/v1/bookings", desk, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],
                 "guest":{"name":"Guest %s"}}""".formatted(salon[0], start, service, salon[1], key),
                "Idempotency-Key", key);
        assertThat(booked.status()).as(key + " at " + start + " in " + zone + ": " + booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    /**
     * The reminders the bookings should have, by scheduler instance: 24 and 2 hours of elapsed time before each start,
     * unless that moment has passed.
     */
    private Map<String, Instant> expected(List<Made> bookings) {
        Map<String, Instant> due = new TreeMap<>();
        Instant now = Instant.now();
        for (Made booking : bookings) {
            for (int hours : new int[]{24, 2}) {
                Instant at = booking.start().minus(Duration.ofHours(hours));
                if (at.isAfter(now)) {
                    due.put(schema() + ":" + booking.id() + ":" + hours + "h", at);
                }
            }
        }
        return due;
    }

    /** The reminders the scheduler holds for this chain, by instance, as stored. */
    private Map<String, Instant> reminders() throws Exception {
        Map<String, Instant> due = new TreeMap<>();
        try (Connection connection = TestCells.connect(CELLS.database(TestCells.MAIN));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select task_instance, execution_time from platform.scheduled_tasks
                         where task_name = 'booking-reminder' and task_instance like '%s:%%'""".formatted(
                        schema()))) {
            while (rows.next()) {
                Instant previous = due.put(rows.getString(1), rows.getTimestamp(2).toInstant());
                assertThat(previous).as("once: " + rows.getString(1)).isNull();
            }
        }
        return due;
    }

    private String schema() {
        return tenant.placement().schema().value();
    }

    /** Waits until the notifications have handled every event of the chain. */
    private void relayed() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!CELLS.column(tenant, "select count(*) from relay.pending where consumer = 'notifications'")
                .getFirst().equals("0")) {
            assertThat(Instant.now()).as("the relay catches up").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private List<MimeMessage> awaitMail(String address, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            List<MimeMessage> found = new ArrayList<>();
            for (MimeMessage message : MAIL.received()) {
                if (message.getAllRecipients()[0].toString().equals(address)) {
                    found.add(message);
                }
            }
            if (found.size() >= count) {
                return found;
            }
            assertThat(Instant.now()).as("mail " + count + " to " + address).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> types(MimeMessage message) throws Exception {
        List<String> types = new ArrayList<>();
        collect(message.getContent(), types);
        return types;
    }

    private static void collect(Object content, List<String> types) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                types.add(multipart.getBodyPart(i).getContentType().split(";")[0].strip().toLowerCase());
                collect(multipart.getBodyPart(i).getContent(), types);
            }
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
