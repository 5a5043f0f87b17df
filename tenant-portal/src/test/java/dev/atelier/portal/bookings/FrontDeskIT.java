package dev.atelier.portal.bookings;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The front desk through the portal against real PostgreSQL and Keycloak: booking a guest in (also inside the lead
 * time and off the online grid, never over taken time), a walk-in checked in at once, moving a visit to another
 * stylist, cancelling with and without the late fee; each leaves its event and audit entry. The salon is in a zone
 * where it is daytime whenever the test runs, so walk-ins fall inside its hours.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontDeskIT {

    static final TestCells CELLS = TestCells.create("frontdesk");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory directory;

    Chains chains;
    String owner;
    String receptionist;
    String stylistToken;
    String location;
    String anna;
    String ben;
    String cut;
    ZoneId zone;
    Tenant tenant;

    @BeforeAll
    void salon() {
        chains = new Chains(new Http(port), KEYCLOAK);
        owner = chains.token(chains.signUp("front-desk"));
        // London or Shanghai: in one of them it is between 04:00 and 20:00 at any instant
        zone = Stream.of("Europe/London", "Asia/Shanghai").map(ZoneId::of)
                .filter(z -> ZonedDateTime.now(z).getHour() >= 4 && ZonedDateTime.now(z).getHour() < 20)
                .findFirst().orElseThrow();
        String days = Stream.of(DayOfWeek.values())
                .map(day -> "{\"day\":\"%s\",\"opens\":\"00:00\",\"closes\":\"23:59\"}".formatted(day))
                .collect(Collectors.joining(","));
        Http.Response created = chains.call("POST", "/api/v1/locations", owner, """
                {"name":"Desk salon","address":{"line1":"1 High Street","city":"Town","region":"","postalCode":"1",
                 "country":"GB"},"latitude":51.5,"longitude":-0.14,"timezone":"%s","phone":"+44 20 7946 0000",
                 "openingHours":[%s]}""".formatted(zone.getId(), days));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        location = created.json().get("id").asString();
        anna = chains.addStaff(owner, "anna@front-desk.test", "STYLIST", location);
        ben = chains.addStaff(owner, "ben@front-desk.test", "STYLIST", location);
        chains.addStaff(owner, "desk@front-desk.test", "RECEPTIONIST", location);
        receptionist = chains.token("desk@front-desk.test");
        stylistToken = chains.token("anna@front-desk.test");
        cut = chains.addService(owner, "Desk cut");
        for (String stylist : List.of(anna, ben)) {
            assertThat(chains.call("PATCH", "/api/v1/staff/" + stylist, owner, "{\"serviceIds\":[\"" + cut + "\"]}")
                    .status()).isEqualTo(200);
            String week = Stream.of(DayOfWeek.values())
                    .map(day -> "{\"day\":\"%s\",\"start\":\"00:00\",\"end\":\"23:59\"}".formatted(day))
                    .collect(Collectors.joining(","));
            Http.Response schedule = chains.call("PUT", "/api/v1/staff/" + stylist + "/schedule", owner, """
                    {"locationId":"%s","weekly":[%s]}""".formatted(location, week));
            assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
        }
        tenant = directory.bySlug(Slug.of("front-desk")).orElseThrow();
    }

    @Test
    void theDeskBooksAGuestOffTheOnlineGridButNeverOverTakenTime() throws Exception {
        Instant start = day(3).atTime(LocalTime.of(10, 7)).atZone(zone).toInstant();
        Http.Response booked = book(receptionist, "desk-1", start, anna, "\"guest\":{\"name\":\"Walk Er\","
                + "\"phone\":\"+44 7700 900123\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode entry = booked.json();
        assertThat(entry.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(entry.get("source").asString()).isEqualTo("STAFF");
        assertThat(entry.get("customer").get("name").asString()).isEqualTo("Walk Er");
        assertThat(entry.get("note").asString()).contains("+44 7700 900123");
        assertThat(Instant.parse(entry.get("start").asString())).isEqualTo(start);

        Http.Response replay = book(receptionist, "desk-1", start, anna, "\"guest\":{\"name\":\"Walk Er\","
                + "\"phone\":\"+44 7700 900123\"}");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("id").asString()).isEqualTo(entry.get("id").asString());
        assertProblem(book(receptionist, "desk-2", start.plusSeconds(600), anna, "\"guest\":{\"name\":\"Other\"}"),
                409, "slot-unavailable");
        assertProblem(book(receptionist, "desk-3", start.minusSeconds(3600 * 24 * 30), anna,
                "\"guest\":{\"name\":\"Past\"}"), 422, "booking-rules");
        assertProblem(book(receptionist, "desk-4", start, ben, ""), 400, "validation");
        assertProblem(book(receptionist, "desk-5", start, ben, "\"customerId\":\"" + java.util.UUID.randomUUID()
                + "\""), 404, "not-found");
        Http.Response keyless = chains.call("POST", "/api/v1/bookings", receptionist, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s"}],"guest":{"name":"No key"}}"""
                .formatted(location, start, cut));
        assertThat(keyless.status()).isEqualTo(400);
        assertThat(keyless.isProblem()).as(keyless.body()).isTrue();

        String id = entry.get("id").asString();
        assertThat(CELLS.column(tenant, "select guest_name || ' ' || source from booking where id = '" + id + "'"))
                .containsExactly("Walk Er STAFF");
        assertThat(CELLS.column(tenant, "select actor_kind || ' ' || action from audit_entry where subject_id = '"
                + id + "'")).containsExactly("STAFF booking.create");
    }

    @Test
    void aStylistsDiaryIsTheirOwnWhileTheDeskSeesEveryStylist() throws Exception {
        Instant start = day(6).atTime(LocalTime.of(11, 0)).atZone(zone).toInstant();
        String annas = book(receptionist, "own-anna", start, anna, "\"guest\":{\"name\":\"For Anna\"}").json()
                .get("id").asString();
        String bens = book(receptionist, "own-ben", start, ben, "\"guest\":{\"name\":\"For Ben\"}").json()
                .get("id").asString();
        String query = "/api/v1/bookings?from=" + day(6) + "&to=" + day(6) + "&locationId=" + location;
        assertThat(ids(chains.call("GET", query, receptionist, null).json())).contains(annas, bens);
        assertThat(ids(chains.call("GET", query, stylistToken, null).json())).contains(annas).doesNotContain(bens);
        assertThat(ids(chains.call("GET", query + "&staffId=" + ben, stylistToken, null).json()))
                .as("another stylist's diary is not theirs to read").contains(annas).doesNotContain(bens);
        assertThat(chains.call("GET", "/api/v1/me", stylistToken, null).json().get("staffId").asString())
                .isEqualTo(anna);
    }

    private static List<String> ids(JsonNode entries) {
        return entries.valueStream().map(entry -> entry.get("id").asString()).toList();
    }

    @Test
    void aStylistsOwnPriceAndDurationAreWhatTheDeskBooks() throws Exception {
        String senior = chains.addService(owner, "Senior cut");
        Http.Response terms = chains.call("PUT", "/api/v1/services/" + senior + "/performers/" + ben, owner, """
                {"durationMinutes":45,"price":{"amount":"40.00","currency":"GBP"}}""");
        assertThat(terms.status()).as(terms.body()).isEqualTo(200);
        Instant start = day(4).atTime(LocalTime.of(15, 0)).atZone(zone).toInstant();
        Http.Response booked = chains.call("POST", "/api/v1/bookings", receptionist, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"guest":{"name":"Sen"}}"""
                .formatted(location, start, senior, ben), "Idempotency-Key", "senior-1");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(Instant.parse(booked.json().get("end").asString())).isEqualTo(start.plusSeconds(45 * 60));
        assertThat(booked.json().get("price").get("amount").decimalValue()).isEqualByComparingTo("40.00");
        assertProblem(chains.call("POST", "/api/v1/bookings", receptionist, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"guest":{"name":"Sen"}}"""
                .formatted(location, start.plusSeconds(7200), senior, anna), "Idempotency-Key", "senior-2"), 400,
                "validation");
    }

    @Test
    void aWalkInStartsNowCheckedInAndBlocksTheStylist() throws Exception {
        Http.Response walkIn = chains.call("POST", "/api/v1/walk-ins", stylistToken, """
                {"locationId":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"guest":{"name":"Passer By"}}"""
                .formatted(location, cut, anna), "Idempotency-Key", "walk-1");
        assertThat(walkIn.status()).as(walkIn.body()).isEqualTo(201);
        JsonNode entry = walkIn.json();
        assertThat(entry.get("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(entry.get("source").asString()).isEqualTo("WALK_IN");
        Instant start = Instant.parse(entry.get("start").asString());
        assertThat(start).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(120));

        Http.Response second = chains.call("POST", "/api/v1/walk-ins", receptionist, """
                {"locationId":"%s","items":[{"serviceId":"%s","staffId":"%s"}],"guest":{"name":"Next"}}"""
                .formatted(location, cut, anna), "Idempotency-Key", "walk-2");
        assertProblem(second, 409, "slot-unavailable");
        Http.Response anyone = chains.call("POST", "/api/v1/walk-ins", receptionist, """
                {"locationId":"%s","items":[{"serviceId":"%s"}],"guest":{"name":"Next"}}"""
                .formatted(location, cut), "Idempotency-Key", "walk-3");
        assertThat(anyone.status()).as(anyone.body()).isEqualTo(201);
        assertThat(anyone.json().get("items").get(0).get("staffId").asString()).isEqualTo(ben);

        String id = entry.get("id").asString();
        assertThat(chains.call("POST", "/api/v1/bookings/" + id + "/complete", stylistToken, null).status())
                .isEqualTo(204);
        assertThat(CELLS.column(tenant, "select count(*) from staff_busy where active and ends_at > now() "
                + "and booking_id = '" + id + "'")).as("a completed visit keeps no time ahead").containsExactly("0");
        // a walk-in entered by mistake is cancelled by the desk, and its stylist is free again
        String mistaken = anyone.json().get("id").asString();
        Http.Response cancelled = chains.call("POST", "/api/v1/bookings/" + mistaken + "/cancel", receptionist, null);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(CELLS.column(tenant, "select count(*) from staff_busy where active and booking_id = '" + mistaken
                + "'")).containsExactly("0");
        assertThat(CELLS.column(tenant, "select type from outbox_event where aggregate_id = '" + id
                + "' order by id")).containsExactly("booking.checked_in", "booking.completed");
    }

    @Test
    void theDeskMovesAVisitToAnotherStylistAndCancelsWithOrWithoutTheFee() throws Exception {
        Instant start = day(5).atTime(LocalTime.of(11, 0)).atZone(zone).toInstant();
        String first = book(receptionist, "move-1", start, anna, "\"guest\":{\"name\":\"Mover\"}").json().get("id")
                .asString();
        String blocker = book(receptionist, "move-2", start.plusSeconds(3600), ben, "\"guest\":{\"name\":\"B\"}")
                .json().get("id").asString();

        assertProblem(chains.call("POST", "/api/v1/bookings/" + first + "/reschedule", receptionist, """
                {"start":"%s","staffIds":["%s"]}""".formatted(start.plusSeconds(3600), ben)), 409,
                "slot-unavailable");
        assertThat(CELLS.column(tenant, "select staff_id || ' ' || starts_at from booking_item where booking_id = '"
                + first + "'")).as("a refused move keeps the booking as it was").hasSize(1)
                .allMatch(row -> row.startsWith(anna));
        Http.Response moved = chains.call("POST", "/api/v1/bookings/" + first + "/reschedule", receptionist, """
                {"start":"%s","staffIds":["%s"]}""".formatted(start.plusSeconds(7200), ben));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("items").get(0).get("staffId").asString()).isEqualTo(ben);
        assertThat(Instant.parse(moved.json().get("start").asString())).isEqualTo(start.plusSeconds(7200));
        assertProblem(chains.call("POST", "/api/v1/bookings/" + first + "/reschedule", stylistToken, """
                {"start":"%s"}""".formatted(start)), 403, "forbidden");
        assertProblem(chains.call("POST", "/api/v1/bookings/" + first + "/reschedule", receptionist, """
                {"start":"%s","staffIds":["%s","%s"]}""".formatted(start, ben, anna)), 400, "validation");

        Http.Response free = chains.call("POST", "/api/v1/bookings/" + first + "/cancel", receptionist, null);
        assertThat(free.status()).as(free.body()).isEqualTo(200);
        assertThat(free.json().get("status").asString()).isEqualTo("CANCELLED");
        // the late fee applies only when the desk says the client cancelled late; this visit is days away
        Http.Response charged = chains.call("POST", "/api/v1/bookings/" + blocker + "/cancel", owner,
                "{\"chargeFee\":true,\"reason\":\"client called\"}");
        assertThat(charged.status()).as(charged.body()).isEqualTo(200);
        assertThat(CELLS.column(tenant, "select coalesce(cancellation_fee_amount, -1) from booking where id in ('"
                + first + "','" + blocker + "')")).containsOnly("0.00");
        assertThat(book(receptionist, "move-3", start.plusSeconds(7200), ben, "\"guest\":{\"name\":\"Freed\"}")
                .status()).as("the cancelled visit's time is free again").isEqualTo(201);

        assertThat(CELLS.column(tenant, "select action from audit_entry where subject_id = '" + first
                + "' order by id")).containsExactly("booking.create", "booking.reschedule", "booking.cancel");
        assertThat(CELLS.column(tenant, "select details ->> 'reason' from audit_entry where subject_id = '" + blocker
                + "' and action = 'booking.cancel'")).containsExactly("client called");
    }

    @Test
    void theCalendarIsToldWhenEachStylistWorksLessBreaksTimeOffAndClosures() {
        String cara = chains.addStaff(owner, "cara@front-desk.test", "STYLIST", location);
        LocalDate day = day(7);
        Http.Response week = chains.call("PUT", "/api/v1/staff/" + cara + "/schedule", owner, """
                {"locationId":"%s","weekly":[{"day":"%s","start":"09:00","end":"17:00"}],
                 "breaks":[{"day":"%s","start":"12:00","end":"13:00"}]}""".formatted(location, day.getDayOfWeek(),
                day.getDayOfWeek()));
        assertThat(week.status()).as(week.body()).isEqualTo(200);
        Instant at = day.atTime(15, 0).atZone(zone).toInstant();
        assertThat(chains.call("POST", "/api/v1/staff/" + cara + "/time-off", owner, """
                {"start":"%s","end":"%s","reason":"Dentist"}""".formatted(at, at.plusSeconds(1800))).status())
                .isEqualTo(201);
        Instant shut = day.atTime(16, 0).atZone(zone).toInstant();
        assertThat(chains.call("POST", "/api/v1/locations/" + location + "/closures", owner, """
                {"start":"%s","end":"%s","reason":"Inspection"}""".formatted(shut, shut.plusSeconds(7200))).status())
                .isEqualTo(201);

        String query = "/api/v1/bookings/working-time?from=" + day + "&to=" + day + "&locationId=" + location;
        Http.Response answer = chains.call("GET", query, receptionist, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("timezone").asString()).isEqualTo(zone.getId());
        JsonNode caras = answer.json().get("staff").valueStream()
                .filter(member -> member.get("staffId").asString().equals(cara)).findFirst().orElseThrow();
        assertThat(caras.get("working").valueStream().map(span -> span.get("start").asString() + "/"
                + span.get("end").asString()).toList()).containsExactly(
                        day.atTime(9, 0).atZone(zone).toInstant() + "/" + day.atTime(12, 0).atZone(zone).toInstant(),
                        day.atTime(13, 0).atZone(zone).toInstant() + "/" + at,
                        at.plusSeconds(1800) + "/" + shut);
        assertThat(answer.json().get("staff").valueStream().map(member -> member.get("staffId").asString()))
                .contains(anna, ben);

        Http.Response own = chains.call("GET", query, stylistToken, null);
        assertThat(own.json().get("staff").valueStream().map(member -> member.get("staffId").asString()).toList())
                .as("a stylist's own").containsExactly(anna);
        assertProblem(chains.call("GET", "/api/v1/bookings/working-time?from=" + day + "&to=" + day.plusDays(40)
                + "&locationId=" + location, receptionist, null), 400, "validation");
        assertThat(chains.call("GET", "/api/v1/bookings/working-time?from=" + day + "&to=" + day + "&locationId="
                + java.util.UUID.randomUUID(), receptionist, null).status()).isEqualTo(404);
    }

    @Test
    void theDiaryTellsWhichBasinEachVisitHoldsUntilItIsCancelled() throws Exception {
        Http.Response basin = chains.call("POST", "/api/v1/resources", owner, """
                {"locationId":"%s","name":"Basin A","type":"basin"}""".formatted(location));
        assertThat(basin.status()).as(basin.body()).isEqualTo(201);
        String basinId = basin.json().get("id").asString();
        Http.Response wash = chains.call("POST", "/api/v1/services", owner, """
                {"name":"Desk wash","category":"Care","durationMinutes":20,"price":{"amount":15.00,"currency":"GBP"},
                 "onlineBookable":true,"resourceTypes":["basin"]}""");
        assertThat(wash.status()).as(wash.body()).isEqualTo(201);
        String washId = wash.json().get("id").asString();
        assertThat(chains.call("PATCH", "/api/v1/staff/" + ben, owner, "{\"serviceIds\":[\"" + cut + "\",\""
                + washId + "\"]}").status()).isEqualTo(200);
        LocalDate date = day(6);
        Instant start = date.atTime(LocalTime.of(15, 0)).atZone(zone).toInstant();
        Http.Response booked = chains.call("POST", "/api/v1/bookings", receptionist, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"},
                 {"serviceId":"%s","staffId":"%s"}],"guest":{"name":"Wash And Cut"}}"""
                .formatted(location, start, washId, ben, cut, ben), "Idempotency-Key", "basin-1");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.json().get("id").asString();

        JsonNode held = diaryEntry(date, id).get("resources");
        assertThat(held.size()).as("only the wash needs the basin").isEqualTo(1);
        assertThat(held.get(0).get("resourceId").asString()).isEqualTo(basinId);
        assertThat(held.get(0).get("item").asInt()).isZero();
        assertThat(Instant.parse(held.get(0).get("start").asString())).isEqualTo(start);
        assertThat(Instant.parse(held.get(0).get("end").asString())).isEqualTo(start.plusSeconds(20 * 60));
        assertThat(diaryEntry(date, booked.json().get("id").asString()).get("items").size()).isEqualTo(2);

        assertThat(chains.call("POST", "/api/v1/bookings/" + id + "/cancel", receptionist, null).status())
                .isEqualTo(200);
        assertThat(diaryEntry(date, id).get("resources").size()).as("a cancelled visit holds nothing").isZero();
    }

    private JsonNode diaryEntry(LocalDate date, String id) {
        Http.Response diary = chains.call("GET", "/api/v1/bookings?from=" + date + "&to=" + date + "&locationId="
                + location, receptionist, null);
        assertThat(diary.status()).as(diary.body()).isEqualTo(200);
        return diary.json().valueStream().filter(entry -> entry.get("id").asString().equals(id)).findFirst()
                .orElseThrow();
    }

    private Http.Response book(String token, String key, Instant start, String stylist, String client) {
        return chains.call("POST", "/api/v1/bookings", token, """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s","staffId":"%s"}]%s}"""
                .formatted(location, start, cut, stylist, client.isEmpty() ? "" : "," + client), "Idempotency-Key",
                key);
    }

    private LocalDate day(int weeks) {
        return LocalDate.now(zone).plusWeeks(weeks).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
    }
}
