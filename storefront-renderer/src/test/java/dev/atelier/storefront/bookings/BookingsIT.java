package dev.atelier.storefront.bookings;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.booking.HoldExpiry;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Booking on a storefront against real PostgreSQL and Keycloak: a free slot books, the same key replays, a taken
 * time is 409, a time against the rules 422, racing customers never double-book, and what availability offers is
 * what booking accepts. Every day from 09:00 to 18:00 in London, two stylists; dates are weeks ahead of today.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingsIT {

    static final TestCells CELLS = TestCells.create("bookings");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final String PASSWORD = "a-long-password";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Monday two to three weeks ahead: inside the lead time and the 180-day horizon whenever the test runs. */
    static final LocalDate DAY_ZERO = LocalDate.now(LONDON).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

    /** The instant of a wall-clock time in London {@code day} days after day zero, as the API writes it. */
    static String at(int day, String time) {
        return DAY_ZERO.plusDays(day).atTime(LocalTime.parse(time)).atZone(LONDON).toInstant().toString();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 8);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    @Autowired
    HoldExpiry holds;

    Http http;
    Tenant salon;
    UUID soho;
    UUID anna;
    UUID ben;
    UUID cut;
    UUID colour;
    String customer;

    @BeforeAll
    void salon() {
        http = new Http(port);
        salon = fixture.chain("book-a");
        fixture.chain("book-b");
        TenantContext.asTenant(salon, () -> {
            soho = fixture.location("Soho", LocalTime.of(9, 0), LocalTime.of(18, 0));
            anna = fixture.stylist("anna@book-a.test", soho);
            ben = fixture.stylist("ben@book-a.test", soho);
            cut = fixture.service("Cut", 30, 10, true, List.of(anna, ben));
            colour = fixture.service("Colour", 60, 0, true, List.of(anna));
            for (DayOfWeek day : DayOfWeek.values()) {
                fixture.weekly(anna, soho, StaffShift.Kind.SHIFT, day, 9 * 60, 18 * 60);
                fixture.weekly(ben, soho, StaffShift.Kind.SHIFT, day, 9 * 60, 18 * 60);
            }
        });
        customer = customer("booker@bookings.test");
    }

    @Test
    void aFreeSlotBooksOnceAndTheSameKeyReplaysIt() throws Exception {
        String body = booking(at(0, "10:00"), cut, anna);

        Http.Response first = book(customer, "key-replay-1", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode booking = first.json();
        assertThat(booking.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(booking.get("end").asString()).isEqualTo(at(0, "10:30"));
        assertThat(booking.get("items").get(0).get("staffId").asString()).isEqualTo(anna.toString());

        Http.Response again = book(customer, "key-replay-1", body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(booking.get("id").asString());
        assertProblem(book(customer, "key-replay-1", booking(at(0, "11:00"), cut, anna)), 422,
                "idempotency-key-reused");

        String id = booking.get("id").asString();
        assertThat(CELLS.column(salon, "select count(*) from booking where id = '" + id + "'")).containsExactly("1");
        assertThat(CELLS.column(salon, "select type from outbox_event where aggregate_id = '" + id + "'"))
                .containsExactly("booking.confirmed");
        assertThat(CELLS.column(salon, "select action from audit_entry where subject_id = '" + id + "'"))
                .containsExactly("booking.create");
        assertThat(CELLS.column(salon, "select upper(during) - lower(during) from staff_busy where booking_id = '"
                + id + "'")).as("the 10-minute buffer after is kept busy").containsExactly("00:40:00");
        Http.Response mine = http.send("GET", "book-a.localhost", "/api/v1/me/bookings", null, "Authorization",
                "Bearer " + customer);
        assertThat(mine.json().valueStream().map(b -> b.get("id").asString())).contains(id);
    }

    @Test
    void aTakenTimeIs409AndATimeAgainstTheRules422() {
        assertThat(book(customer, "taken-1", booking(at(1, "10:00"), colour, anna)).status()).isEqualTo(201);

        assertProblem(book(customer, "taken-2", booking(at(1, "10:30"), colour, anna)), 409,
                "slot-unavailable");
        assertProblem(book(customer, "rules-1", booking(at(1, "17:45"), colour, anna)), 422,
                "booking-rules");
        assertProblem(book(customer, "rules-2", booking(at(1, "10:07"), cut, ben)), 422, "booking-rules");
        assertProblem(book(customer, "rules-3", booking("2020-02-02T10:00:00Z", cut, ben)), 422, "booking-rules");
        assertProblem(book(customer, "rules-4", booking(at(200, "10:00"), cut, ben)), 422, "booking-rules");
        assertProblem(book(customer, "rules-5", booking(at(1, "11:00"), colour, ben)), 400, "validation");
    }

    @Test
    void fiftyCustomersRacingForOneSlotGetOneBookingAndFortyNineConflicts() throws Exception {
        int racers = 50;
        String body = booking(at(2, "12:00"), colour, anna);
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String key = "race-" + i;
            statuses.add(pool.submit(() -> {
                start.await();
                return book(customer, key, body).status();
            }));
        }
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();

        assertThat(Collections.frequency(results, 201)).as(results.toString()).isEqualTo(1);
        assertThat(Collections.frequency(results, 409)).as(results.toString()).isEqualTo(racers - 1);
        assertThat(CELLS.column(salon, """
                select count(*) from staff_busy a join staff_busy b
                  on a.staff_id = b.staff_id and a.booking_item_id < b.booking_item_id and a.during && b.during
                 where a.active and b.active""")).containsExactly("0");
    }

    @Test
    void whatAvailabilityOffersIsWhatBookingAccepts() {
        JsonNode offered = http.get("book-a.localhost", "/api/v1/availability?locationId=" + soho + "&serviceId="
                + cut + "&from=" + DAY_ZERO.plusDays(7) + "&to=" + DAY_ZERO.plusDays(11)).json().get("slots");
        List<JsonNode> slots = new ArrayList<>();
        offered.forEach(slots::add);
        assertThat(slots).hasSizeGreaterThan(100);
        Collections.shuffle(slots, new Random(4));
        int booked = 0;
        for (JsonNode slot : slots.subList(0, 40)) {
            String start = slot.get("start").asString();
            String stylist = slot.get("items").get(0).get("staffId").asString();
            Http.Response response = book(customer, "offered-" + start + "-" + stylist,
                    booking(start, cut, UUID.fromString(stylist)));
            // an earlier pick of this sample may have taken the time (same stylist, overlapping): that is a 409
            assertThat(response.status()).as(start + " " + response.body()).isIn(201, 409);
            booked += response.status() == 201 ? 1 : 0;
        }
        assertThat(booked).isGreaterThan(25);
        assertProblem(book(customer, "not-offered", booking(at(7, "08:30"), cut, ben)), 422,
                "booking-rules");
    }

    @Test
    void badRequestsAreProblemsAndWriteNothing() throws Exception {
        String before = CELLS.column(salon, "select count(*) from booking").getFirst();
        String body = booking(at(14, "10:00"), cut, ben);

        assertProblem(http.send("POST", "book-a.localhost", "/api/v1/bookings", body, "Authorization",
                "Bearer " + customer), 400, "malformed-request");
        assertThat(http.send("POST", "book-a.localhost", "/api/v1/bookings", body, "Idempotency-Key", "anon")
                .status()).isEqualTo(401);
        assertProblem(book(customer, "bad-1", "{\"locationId\":"), 400, "malformed-request");
        assertProblem(book(customer, "bad-2", "{\"locationId\":\"" + soho + "\",\"start\":\"soon\",\"items\":[]}"),
                400, "malformed-request");
        assertProblem(book(customer, "bad-3", "{\"locationId\":\"" + soho + "\",\"start\":\"" + at(14, "10:00") + "\","
                + "\"items\":[]}"), 400, "validation");
        assertProblem(book(customer, "bad-4", booking(at(14, "10:00"), UUID.randomUUID(), null)), 404,
                "not-found");
        assertProblem(http.send("POST", "book-b.localhost", "/api/v1/bookings", body, "Idempotency-Key", "bad-5",
                "Authorization", "Bearer " + customer), 404, "not-found");
        assertProblem(book(customer, "bad key with spaces", body), 400, "validation");
        assertThat(CELLS.column(salon, "select count(*) from booking")).containsExactly(before);
    }

    @Test
    void aHoldKeepsTheTimeDuringCheckoutUntilConfirmedOrExpired() throws Exception {
        String rival = customer("rival@bookings.test");
        Http.Response held = hold(customer, "hold-1", booking(at(23, "10:00"), colour, anna));
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("status").asString()).isEqualTo("HELD");
        Instant expires = Instant.parse(held.json().get("holdExpiresAt").asString());
        assertThat(expires).isBetween(Instant.now().plusSeconds(9 * 60), Instant.now().plusSeconds(11 * 60));
        String heldId = held.json().get("id").asString();
        assertThat(hold(customer, "hold-1", booking(at(23, "10:00"), colour, anna)).json().get("id").asString())
                .isEqualTo(heldId);
        assertProblem(book(customer, "hold-1", booking(at(23, "10:00"), colour, anna)), 422,
                "idempotency-key-reused");
        assertProblem(book(rival, "rival-1", booking(at(23, "10:00"), colour, anna)), 409, "slot-unavailable");
        assertThat(offered(23, colour, anna)).doesNotContain(at(23, "10:00"));

        Http.Response confirmed = post("/api/v1/me/bookings/" + heldId + "/confirm", null, customer);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().has("holdExpiresAt")).isFalse();
        assertThat(post("/api/v1/me/bookings/" + heldId + "/confirm", null, customer).status()).isEqualTo(200);
        assertProblem(post("/api/v1/me/bookings/" + heldId + "/confirm", null, rival), 404, "not-found");
        assertThat(CELLS.column(salon, "select type from outbox_event where aggregate_id = '" + heldId
                + "' order by id")).containsExactly("booking.held", "booking.confirmed");

        // a hold whose time ran out no longer keeps its time: the rival books it, and the late confirmation is 409
        String lapsed = hold(customer, "hold-2", booking(at(23, "14:00"), colour, anna)).json().get("id").asString();
        runOut(lapsed);
        assertThat(offered(23, colour, anna)).contains(at(23, "14:00"));
        assertThat(book(rival, "rival-2", booking(at(23, "14:00"), colour, anna)).status()).isEqualTo(201);
        assertProblem(post("/api/v1/me/bookings/" + lapsed + "/confirm", null, customer), 409, "slot-unavailable");
        assertThat(CELLS.column(salon, "select status from booking where id = '" + lapsed + "'"))
                .containsExactly("EXPIRED");

        // the sweeper expires a lapsed hold with its event; confirmed late while still free, it takes its time back
        String late = hold(customer, "hold-3", booking(at(23, "16:00"), colour, anna)).json().get("id").asString();
        runOut(late);
        holds.sweep();
        assertThat(CELLS.column(salon, "select status || ' ' || (select count(*) from staff_busy s where s.active "
                + "and s.booking_id = b.id) from booking b where id = '" + late + "'")).containsExactly("EXPIRED 0");
        assertThat(CELLS.column(salon, "select type from outbox_event where aggregate_id = '" + late
                + "' order by id")).containsExactly("booking.held", "booking.expired");
        Http.Response revived = post("/api/v1/me/bookings/" + late + "/confirm", null, customer);
        assertThat(revived.status()).as(revived.body()).isEqualTo(200);
        assertThat(revived.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(CELLS.column(salon, "select count(*) from staff_busy where active and booking_id = '" + late + "'"))
                .containsExactly("1");
        assertProblem(book(rival, "rival-3", booking(at(23, "16:00"), colour, anna)), 409, "slot-unavailable");

        // a late confirmation is checked against the rules as they are now: a closure since then refuses it
        String closed = hold(customer, "hold-4", booking(at(23, "12:00"), colour, anna)).json().get("id").asString();
        runOut(closed);
        assertThat(CELLS.update(salon, "insert into location_closure (id, location_id, starts_at, ends_at, reason) "
                + "values (gen_random_uuid(), '" + soho + "', '" + at(23, "11:30") + "', '" + at(23, "13:30")
                + "', 'Burst pipe')")).isEqualTo(1);
        assertProblem(post("/api/v1/me/bookings/" + closed + "/confirm", null, customer), 422, "booking-rules");
        assertThat(CELLS.column(salon, "select count(*) from staff_busy where active and booking_id = '" + closed
                + "'")).as("the refused confirmation changed nothing").containsExactly("1");
    }

    /** Stands for the hold's minutes passing: its expiry is put a minute into the past. */
    private void runOut(String bookingId) throws Exception {
        assertThat(CELLS.update(salon, "update booking set hold_expires_at = now() - interval '1 minute' where id = '"
                + bookingId + "'")).isEqualTo(1);
    }

    private List<String> offered(int day, UUID service, UUID stylist) {
        String date = DAY_ZERO.plusDays(day).toString();
        return http.get("book-a.localhost", "/api/v1/availability?locationId=" + soho + "&serviceId=" + service
                + "&staffId=" + stylist + "&from=" + date + "&to=" + date).json().get("slots").valueStream()
                .map(slot -> slot.get("start").asString()).toList();
    }

    private Http.Response hold(String token, String key, String body) {
        return http.send("POST", "book-a.localhost", "/api/v1/holds", body, "Idempotency-Key", key,
                "Authorization", "Bearer " + token);
    }

    @Test
    void aCustomerCancelsFreeEarlyWithAFeeLateAndTheTimeIsFreeAgain() throws Exception {
        String early = book(customer, "cancel-1", booking(at(21, "10:00"), cut, anna)).json().get("id")
                .asString();

        Http.Response cancelled = post("/api/v1/me/bookings/" + early + "/cancel", null, customer);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancellationFee").decimalValue()).isEqualByComparingTo("0");
        assertThat(post("/api/v1/me/bookings/" + early + "/cancel", null, customer).status()).isEqualTo(200);
        assertThat(book(customer, "cancel-2", booking(at(21, "10:00"), cut, anna)).status())
                .as("the freed time books again").isEqualTo(201);
        assertThat(CELLS.column(salon, "select type from outbox_event where aggregate_id = '" + early
                + "' order by id")).containsExactly("booking.confirmed", "booking.cancelled");

        String other = customer("other@bookings.test");
        assertProblem(post("/api/v1/me/bookings/" + early + "/cancel", null, other), 404, "not-found");
    }

    @Test
    void aCustomerReschedulesAtomicallyAndATakenTargetLeavesTheBookingAsItWas() throws Exception {
        String mine = book(customer, "move-1", booking(at(22, "10:00"), colour, anna)).json().get("id")
                .asString();
        assertThat(book(customer, "move-2", booking(at(22, "14:00"), colour, anna)).status()).isEqualTo(201);

        Http.Response moved = post("/api/v1/me/bookings/" + mine + "/reschedule",
                "{\"start\":\"" + at(22, "10:30") + "\"}", customer);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("id").asString()).isEqualTo(mine);
        assertThat(moved.json().get("start").asString()).isEqualTo(at(22, "10:30"));
        assertThat(moved.json().get("items").get(0).get("staffId").asString()).isEqualTo(anna.toString());

        assertProblem(post("/api/v1/me/bookings/" + mine + "/reschedule", "{\"start\":\"" + at(22, "13:30") + "\"}",
                customer), 409, "slot-unavailable");
        assertProblem(post("/api/v1/me/bookings/" + mine + "/reschedule", "{\"start\":\"" + at(22, "20:00") + "\"}",
                customer), 422, "booking-rules");
        Http.Response after = http.send("GET", "book-a.localhost", "/api/v1/me/bookings", null, "Authorization",
                "Bearer " + customer);
        JsonNode kept = after.json().valueStream().filter(b -> b.get("id").asString().equals(mine)).findFirst()
                .orElseThrow();
        assertThat(kept.get("start").asString()).isEqualTo(at(22, "10:30"));
        assertThat(CELLS.column(salon, "select count(*) from staff_busy where active and booking_id = '" + mine + "'"))
                .containsExactly("1");
        assertThat(book(customer, "move-3", booking(at(22, "09:45"), cut, anna)).status())
                .as("Anna's old 10:00–10:30 is free again (cut and buffer end 10:25)").isEqualTo(201);
        assertThat(book(customer, "move-4", booking(at(22, "10:00"), cut, anna)).status())
                .as("10:00 with its buffer runs into the moved booking").isEqualTo(409);
    }

    private Http.Response post(String path, String body, String token) {
        return http.send("POST", "book-a.localhost", path, body, "Authorization", "Bearer " + token);
    }

    private Http.Response book(String token, String key, String body) {
        return http.send("POST", "book-a.localhost", "/api/v1/bookings", body, "Idempotency-Key", key,
                "Authorization", "Bearer " + token);
    }

    private String booking(String start, UUID service, UUID stylist) {
        return """
                {"locationId":"%s","start":"%s","items":[{"serviceId":"%s"%s}],"note":"test"}"""
                .formatted(soho, start, service, stylist == null ? "" : ",\"staffId\":\"" + stylist + "\"");
    }

    private String customer(String email) {
        Http.Response registered = http.post("book-a.localhost", "/api/v1/customers", """
                {"name":"Booker","email":"%s","password":"%s"}""".formatted(email, PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return KEYCLOAK.accessToken("atelier", "atelier-dev", email, PASSWORD, "openid");
    }
}
