package dev.atelier.storefront.availability;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.scheduling.TimeOff;
import dev.atelier.platform.scheduling.TimeOffRepository;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.sql.Connection;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/availability} on a storefront against real PostgreSQL: slots follow the stylists' shifts at the
 * location in its zone, leave out what is booked, held or away, list each free stylist for "any", and bad questions
 * are 4xx problems. A Monday two to three weeks ahead, London.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AvailabilityIT {

    static final TestCells CELLS = TestCells.create("availability");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate DAY = LocalDate.now(LONDON).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    static final String MONDAY = DAY.toString();

    /** The instant of a wall-clock time in London on the Monday, as the API writes it. */
    static String at(String time) {
        return DAY.atTime(LocalTime.parse(time)).atZone(LONDON).toInstant().toString();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TimeOffRepository timeOff;

    Http http;
    Tenant salon;
    Tenant otherSalon;
    UUID soho;
    UUID anna;
    UUID ben;
    UUID cut;
    UUID colour;
    UUID offline;
    UUID otherService;

    @BeforeAll
    void salon() {
        http = new Http(port);
        salon = fixture.chain("avail-a");
        otherSalon = fixture.chain("avail-b");
        TenantContext.asTenant(salon, () -> {
            soho = fixture.location("Soho", LocalTime.of(9, 0), LocalTime.of(18, 0));
            anna = fixture.stylist("anna@avail-a.test", soho);
            ben = fixture.stylist("ben@avail-a.test", soho);
            cut = fixture.service("Cut", 30, 0, true, List.of(anna, ben));
            colour = fixture.service("Colour", 60, 15, true, List.of(anna));
            offline = fixture.service("Consultation", 30, 0, false, List.of(anna));
            fixture.weekly(anna, soho, StaffShift.Kind.SHIFT, DayOfWeek.MONDAY, 9 * 60, 13 * 60);
            fixture.weekly(ben, soho, StaffShift.Kind.SHIFT, DayOfWeek.MONDAY, 12 * 60, 14 * 60);
            fixture.weekly(ben, soho, StaffShift.Kind.BREAK, DayOfWeek.MONDAY, 13 * 60, 13 * 60 + 30);
        });
        TenantContext.asTenant(otherSalon, () -> {
            otherService = fixture.service("Other chain's cut", 30, 0, true, List.of());
        });
    }

    @Test
    void oneStylistsSlotsFollowTheirShiftInTheLocationsZone() {
        JsonNode answer = ask("avail-a", "locationId=%s&serviceId=%s&staffId=%s&from=%s&to=%s", soho, cut, anna,
                MONDAY, MONDAY);

        assertThat(answer.get("timezone").asString()).isEqualTo("Europe/London");
        List<String> starts = starts(answer);
        assertThat(starts).hasSize(15).first().isEqualTo(at("09:00"));
        assertThat(starts).last().isEqualTo(at("12:30"));
        JsonNode item = answer.get("slots").get(0).get("items").get(0);
        assertThat(item.get("serviceId").asString()).isEqualTo(cut.toString());
        assertThat(item.get("staffId").asString()).isEqualTo(anna.toString());
        assertThat(item.get("end").asString()).isEqualTo(at("09:30"));
    }

    @Test
    void anyStylistListsEachFreeStylistAndBreaksBufferAndTheOtherChainAreRespected() {
        JsonNode answer = ask("avail-a", "locationId=%s&serviceId=%s&from=%s&to=%s", soho, cut, MONDAY, MONDAY);

        List<String> twelve = new ArrayList<>();
        for (JsonNode slot : answer.get("slots")) {
            if (slot.get("start").asString().equals(at("12:00"))) {
                twelve.add(slot.get("items").get(0).get("staffId").asString());
            }
        }
        assertThat(twelve).containsExactlyInAnyOrder(anna.toString(), ben.toString());
        assertThat(starts(answer)).doesNotContain(at("13:00"), at("13:15"))
                .contains(at("13:30"));

        // colour has a 15-minute buffer after: the last start leaves 75 minutes before Anna's 13:00
        assertThat(starts(ask("avail-a", "locationId=%s&serviceId=%s&from=%s&to=%s", soho, colour, MONDAY, MONDAY)))
                .last().isEqualTo(at("11:45"));
    }

    @Test
    void bookedHeldAndAwayTimeIsNotOfferedButAnExpiredHoldIs() throws Exception {
        String query = "locationId=%s&serviceId=%s&staffId=%s&from=%s&to=%s";
        insertBusy(anna, at("10:00"), at("10:30"), "CONFIRMED", null);
        insertBusy(anna, at("11:00"), at("11:30"), "HELD", "2099-01-01T00:00:00Z");
        insertBusy(anna, at("12:00"), at("12:30"), "HELD", "2020-01-01T00:00:00Z");
        TenantContext.asTenant(salon, () -> transactions.executeWithoutResult(status -> timeOff.save(new TimeOff(
                anna, Instant.parse(at("09:00")), Instant.parse(at("09:30")), "Dentist",
                Instant.now()))));

        List<String> starts = starts(ask("avail-a", query, soho, cut, anna, MONDAY, MONDAY));

        assertThat(starts).doesNotContain(at("09:00"), at("09:45"), at("10:00"),
                at("10:15"), at("10:45"), at("11:00"), at("11:15"))
                .contains(at("09:30"), at("10:30"), at("11:30"),
                        at("12:00"), at("12:15"));
    }

    @Test
    void aChangeMadeOutsideThisAppIsSeenByTheNextQuestion() throws Exception {
        LocalDate monday = DAY.plusWeeks(1);
        String query = "locationId=%s&serviceId=%s&staffId=%s&from=%s&to=%s";
        String nine = monday.atTime(9, 0).atZone(LONDON).toInstant().toString();
        assertThat(starts(ask("avail-a", query, soho, cut, anna, monday, monday))).hasSize(15).contains(nine);

        // another app (the portal, say) closes the salon for the morning: the cached calendar is read again
        assertThat(CELLS.update(salon, "insert into location_closure (id, location_id, starts_at, ends_at, reason) "
                + "values (gen_random_uuid(), '" + soho + "', '" + nine + "', '"
                + monday.atTime(11, 0).atZone(LONDON).toInstant() + "', 'Flooded')")).isEqualTo(1);
        assertThat(starts(ask("avail-a", query, soho, cut, anna, monday, monday))).hasSize(7).doesNotContain(nine);

        assertThat(CELLS.update(salon, "update service set duration_minutes = 60 where id = '" + cut + "'"))
                .isEqualTo(1);
        JsonNode longer = ask("avail-a", query, soho, cut, anna, monday, monday);
        assertThat(longer.get("slots").get(0).get("items").get(0).get("end").asString())
                .isEqualTo(monday.atTime(12, 0).atZone(LONDON).toInstant().toString());
        assertThat(CELLS.update(salon, "update service set duration_minutes = 30 where id = '" + cut + "'"))
                .isEqualTo(1);

        assertThat(CELLS.update(salon, "insert into location_holiday (location_id, day, name) values ('" + soho
                + "', '" + monday + "', 'Bank holiday')")).isEqualTo(1);
        assertThat(starts(ask("avail-a", query, soho, cut, anna, monday, monday))).isEmpty();
    }

    @Test
    void badQuestionsAreProblemsNeverServerErrors() {
        String base = "/api/v1/availability?locationId=" + soho + "&serviceId=" + cut;
        assertProblem(get("avail-a", base + "&from=" + DAY.plusDays(6) + "&to=" + DAY), 400, "validation");
        assertProblem(get("avail-a", base + "&from=" + DAY + "&to=" + DAY.plusDays(40)), 400, "validation");
        assertProblem(get("avail-a", base + "&from=tomorrow&to=" + DAY), 400, "malformed-request");
        assertProblem(get("avail-a", "/api/v1/availability?locationId=" + soho + "&from=" + DAY + "&to=" + DAY),
                400, "malformed-request");
        assertProblem(get("avail-a", "/api/v1/availability?locationId=not-a-uuid&serviceId=" + cut
                + "&from=" + DAY + "&to=" + DAY), 400, "malformed-request");
        assertProblem(get("avail-a", "/api/v1/availability?locationId=" + UUID.randomUUID() + "&serviceId=" + cut
                + "&from=" + DAY + "&to=" + DAY), 404, "not-found");
        assertProblem(get("avail-a", "/api/v1/availability?locationId=" + soho + "&serviceId=" + otherService
                + "&from=" + DAY + "&to=" + DAY), 404, "not-found");
        assertProblem(get("avail-b", base + "&from=" + DAY + "&to=" + DAY), 404, "not-found");
        assertProblem(get("avail-a", "/api/v1/availability?locationId=" + soho + "&serviceId=" + offline
                + "&from=" + DAY + "&to=" + DAY), 400, "validation");
        assertProblem(get("avail-a", "/api/v1/availability?locationId=" + soho + "&serviceId=" + colour + "&staffId="
                + ben + "&from=" + DAY + "&to=" + DAY), 400, "validation");
    }

    private void insertBusy(UUID stylist, String start, String end, String status, String holdExpires)
            throws Exception {
        UUID booking = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        try (Connection connection = TestCells.connect(CELLS.database(salon.placement().cell()));
                Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + salon.placement().schema().quoted());
            statement.execute("""
                    insert into booking (id, guest_name, location_id, status, source, starts_at, ends_at,
                                         hold_expires_at, price_amount, price_currency, created_at, updated_at)
                    values ('%s', 'Walk-in', '%s', '%s', 'STAFF', '%s', '%s', %s, 30, 'GBP', now(), now())"""
                    .formatted(booking, soho, status, start, end, holdExpires == null
                            ? "null"
                            : "'" + holdExpires + "'"));
            statement.execute("""
                    insert into booking_item (id, booking_id, position, service_id, staff_id, starts_at, ends_at,
                                              price_amount)
                    values ('%s', '%s', 0, '%s', '%s', '%s', '%s', 30)""".formatted(item, booking, cut, stylist, start,
                    end));
            statement.execute("""
                    insert into staff_busy (booking_item_id, booking_id, staff_id, starts_at, ends_at, active)
                    values ('%s', '%s', '%s', '%s', '%s', true)""".formatted(item, booking, stylist, start, end));
        }
    }

    private JsonNode ask(String host, String query, Object... values) {
        Http.Response response = get(host, "/api/v1/availability?" + query.formatted(values));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Http.Response get(String host, String path) {
        return http.get(host + ".localhost", path);
    }

    private static List<String> starts(JsonNode answer) {
        List<String> starts = new ArrayList<>();
        answer.get("slots").forEach(slot -> starts.add(slot.get("start").asString()));
        return starts;
    }
}
