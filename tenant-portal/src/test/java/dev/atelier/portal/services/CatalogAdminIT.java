package dev.atelier.portal.services;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.scheduling.AvailabilityQuery;
import dev.atelier.platform.scheduling.AvailabilitySearch;
import dev.atelier.platform.scheduling.availability.AvailabilityEngine;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The catalog and schedule administration of the portal against the real servers: resources, service and location
 * changes, closures, holidays, extra shifts, schedules, time off and the booking policy. Each change is checked where
 * it matters, in the availability the storefront computes (the same {@link AvailabilitySearch} and engine), and bad
 * input is a 4xx problem that changes nothing.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAdminIT {

    static final TestCells CELLS = TestCells.create("catalogadmin");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String OPEN_ALL_WEEK = """
            {"name":"%s","address":{"line1":"1 High Street","city":"London","postalCode":"W1 1AA","country":"GB"},
             "latitude":51.5,"longitude":-0.14,"timezone":"Europe/London","phone":"+44 20 7946 0000",
             "openingHours":[{"day":"MONDAY","opens":"09:00","closes":"18:00"},
                             {"day":"TUESDAY","opens":"09:00","closes":"18:00"}]}""";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory directory;

    @Autowired
    AvailabilitySearch search;

    Chains chains;
    String owner;
    String manager;
    String stylistToken;
    Tenant tenant;
    /** A Monday far enough ahead for the lead time, and the Tuesday after it. */
    LocalDate monday;
    LocalDate tuesday;
    /** Ids of another chain: its location, stylist, service and a closure, time off and extra shift of its own. */
    String foreignLocation;
    String foreignStaff;
    String foreignService;
    String foreignClosure;
    String foreignTimeOff;
    String foreignExtraShift;
    String foreignResource;
    final AtomicInteger sequence = new AtomicInteger();

    /** A location open Monday and Tuesday 09:00–18:00, a stylist working Mondays 09:00–17:00 and their service. */
    record Salon(String location, String stylist, String service) {
    }

    @BeforeAll
    void chains() {
        chains = new Chains(new Http(port), KEYCLOAK);
        owner = chains.token(chains.signUp("admin-chain"));
        tenant = directory.bySlug(Slug.of("admin-chain")).orElseThrow();
        String home = chains.addLocation(owner, "Admin home");
        chains.addStaff(owner, "manager@admin-chain.test", "MANAGER", home);
        manager = chains.token("manager@admin-chain.test");
        chains.addStaff(owner, "stylist@admin-chain.test", "STYLIST", home);
        stylistToken = chains.token("stylist@admin-chain.test");
        monday = LocalDate.now(LONDON).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        tuesday = monday.plusDays(1);

        String other = chains.token(chains.signUp("admin-other"));
        foreignLocation = chains.addLocation(other, "Foreign salon");
        foreignStaff = chains.addStaff(other, "stylist@admin-other.test", "STYLIST", foreignLocation);
        foreignService = chains.addService(other, "Foreign cut");
        foreignClosure = created(chains.call("POST", "/api/v1/locations/" + foreignLocation + "/closures", other,
                closure(monday, "10:00", "12:00", "Foreign closure")));
        foreignTimeOff = created(chains.call("POST", "/api/v1/staff/" + foreignStaff + "/time-off", other, """
                {"start":"2099-01-04T09:00:00Z","end":"2099-01-05T09:00:00Z","reason":"Foreign"}"""));
        foreignExtraShift = created(chains.call("POST", "/api/v1/staff/" + foreignStaff + "/extra-shifts", other,
                extraShift(foreignLocation, tuesday, "10:00", "14:00")));
        foreignResource = created(chains.call("POST", "/api/v1/resources", other, """
                {"locationId":"%s","name":"Foreign basin","type":"basin"}""".formatted(foreignLocation)));
    }

    @Test
    void resourcesAreAddedListedRenamedAndRetiredAndServicesNeedThem() throws Exception {
        Salon salon = salon();
        assertThat(patch("/api/v1/services/" + salon.service(), "{\"resourceTypes\":[\"basin\"]}").status())
                .isEqualTo(200);
        assertThat(starts(salon, monday)).as("no basin at the salon yet").isEmpty();

        Http.Response added = chains.call("POST", "/api/v1/resources", manager, """
                {"locationId":"%s","name":"Basin 1","type":"basin"}""".formatted(salon.location()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String basin = added.json().get("id").asString();
        assertThat(added.json().get("active").asBoolean()).isTrue();
        assertThat(starts(salon, monday)).as("with a basin").contains(LocalTime.of(9, 0), LocalTime.of(16, 0));

        JsonNode listed = chains.call("GET", "/api/v1/resources?locationId=" + salon.location(), stylistToken, null)
                .json();
        assertThat(Chains.ids(listed)).containsExactly(basin);
        assertThat(Chains.ids(chains.call("GET", "/api/v1/resources", owner, null).json())).contains(basin)
                .doesNotContain(foreignResource);

        Http.Response renamed = patch("/api/v1/resources/" + basin, "{\"name\":\"Wash basin\",\"active\":false}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo("Wash basin");
        assertThat(starts(salon, monday)).as("the only basin retired").isEmpty();
        assertThat(patch("/api/v1/resources/" + basin, "{\"active\":true}").json().get("active").asBoolean())
                .isTrue();
        assertThat(starts(salon, monday)).isNotEmpty();

        for (String bad : List.of("{\"locationId\":\"HERE\",\"name\":\"X\",\"type\":\"Big Basin\"}",
                "{\"locationId\":\"HERE\",\"name\":\"\",\"type\":\"basin\"}",
                "{\"locationId\":\"HERE\",\"name\":\"X\"}",
                "{\"locationId\":\"HERE\",\"name\":\"" + "x".repeat(121) + "\",\"type\":\"basin\"}",
                "{\"locationId\":\"" + foreignLocation + "\",\"name\":\"X\",\"type\":\"basin\"}",
                "{\"locationId\":\"not-a-uuid\",\"name\":\"X\",\"type\":\"basin\"}")) {
            assertProblem(chains.call("POST", "/api/v1/resources", owner, bad.replace("HERE", salon.location())), 400,
                    bad.contains("not-a-uuid") ? "malformed-request" : "validation");
        }
        assertProblem(patch("/api/v1/resources/" + basin, "{\"name\":\"  \"}"), 400, "validation");
        assertProblem(patch("/api/v1/resources/" + basin, "{\"active\":\"maybe\"}"), 400, "malformed-request");
        assertProblem(patch("/api/v1/resources/" + foreignResource, "{\"name\":\"Mine\"}"), 404, "not-found");
        assertProblem(chains.call("GET", "/api/v1/resources?locationId=" + foreignLocation, owner, null), 404,
                "not-found");
        assertProblem(chains.call("POST", "/api/v1/resources", stylistToken, """
                {"locationId":"%s","name":"Chair","type":"chair"}""".formatted(salon.location())), 403, "forbidden");
        assertThat(CELLS.column(tenant, "select name from resource where location_id = '" + salon.location() + "'"))
                .containsExactly("Wash basin");
    }

    @Test
    void aServiceIsChangedFieldByFieldAndCheckedLikeANewOne() throws Exception {
        Salon salon = salon();
        Http.Response changed = patch("/api/v1/services/" + salon.service(), """
                {"name":"Long cut","category":"Long hair","durationMinutes":60,"processingOffsetMinutes":10,
                 "processingMinutes":20,"bufferBeforeMinutes":5,"price":{"amount":40.50,"currency":"GBP"},
                 "leadTimeMinutes":600,"horizonDays":30}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode service = chains.call("GET", "/api/v1/services/" + salon.service(), stylistToken, null).json();
        assertThat(service.get("name").asString()).isEqualTo("Long cut");
        assertThat(service.get("category").asString()).isEqualTo("Long hair");
        assertThat(service.get("durationMinutes").asInt()).isEqualTo(60);
        assertThat(service.get("bufferAfterMinutes").asInt()).as("unchanged").isEqualTo(5);
        assertThat(service.get("price").get("amount").decimalValue()).isEqualByComparingTo("40.50");
        assertThat(service.get("leadTimeMinutes").asInt()).isEqualTo(600);
        assertThat(service.get("horizonDays").asInt()).isEqualTo(30);
        assertThat(strings(service.get("staffIds"))).containsExactly(salon.stylist());
        List<LocalTime> mondayStarts = starts(salon, monday);
        assertThat(mondayStarts).as("a 60-minute service with 5 minutes before it").contains(LocalTime.of(9, 15))
                .doesNotContain(LocalTime.of(9, 0), LocalTime.of(16, 30));
        assertThat(starts(salon, monday.plusWeeks(6))).as("beyond the service's 30-day horizon").isEmpty();

        for (String bad : List.of("{\"processingMinutes\":55}", "{\"durationMinutes\":0}",
                "{\"durationMinutes\":721}", "{\"bufferAfterMinutes\":-1}",
                "{\"price\":{\"amount\":\"1.005\",\"currency\":\"GBP\"}}",
                "{\"price\":{\"amount\":\"10\",\"currency\":\"CNY\"}}", "{\"price\":{\"currency\":\"GBP\"}}",
                "{\"name\":\"   \"}", "{\"resourceTypes\":[\"Not A Type\"]}", "{\"leadTimeMinutes\":-5}",
                "{\"horizonDays\":0}", "{\"horizonDays\":731}",
                "{\"staffIds\":[\"" + foreignStaff + "\"]}")) {
            assertProblem(patch("/api/v1/services/" + salon.service(), bad), 400, "validation");
        }
        for (String malformed : List.of("{\"durationMinutes\":\"an hour\"}", "{\"active\":[]}", "{", "[]",
                "{\"durationMinutes\":1e40}")) {
            assertProblem(patch("/api/v1/services/" + salon.service(), malformed), 400, "malformed-request");
        }
        assertThat(CELLS.column(tenant, "select name || ' ' || duration_minutes || ' ' || price_amount from service"
                + " where id = '" + salon.service() + "'")).containsExactly("Long cut 60 40.50");

        Http.Response staffChanged = patch("/api/v1/services/" + salon.service(), "{\"staffIds\":[]}");
        assertThat(strings(staffChanged.json().get("staffIds"))).isEmpty();
        assertThat(starts(salon, monday)).as("nobody performs it").isEmpty();
        patch("/api/v1/services/" + salon.service(), "{\"staffIds\":[\"" + salon.stylist() + "\"]}");
        assertThat(starts(salon, monday)).isNotEmpty();

        assertThat(patch("/api/v1/services/" + salon.service(), "{\"active\":false}").json().get("active")
                .asBoolean()).isFalse();
        assertThat(chains.call("GET", "/api/v1/services/" + salon.service(), owner, null).json().get("active")
                .asBoolean()).as("still on the portal's menu").isFalse();
        assertThatThrownBy(() -> starts(salon, monday)).as("not offered to customers")
                .isInstanceOf(NotFoundException.class);
        assertProblem(patch("/api/v1/services/" + foreignService, "{\"name\":\"Mine\"}"), 404, "not-found");
        assertProblem(patch("/api/v1/services/" + UUID.randomUUID(), "{\"name\":\"Mine\"}"), 404, "not-found");
        assertProblem(chains.call("PATCH", "/api/v1/services/" + salon.service(), stylistToken, "{\"name\":\"X\"}"),
                403, "forbidden");
    }

    @Test
    void aServiceAsksForNothingAFixedDepositAPercentageOrTheFullPriceUpFront() throws Exception {
        String service = chains.addService(owner, "Deposit cut");
        JsonNode plain = chains.call("GET", "/api/v1/services/" + service, stylistToken, null).json();
        assertThat(plain.get("deposit").get("type").asString()).as("paid at the salon by default").isEqualTo("NONE");

        Http.Response fixed = patch("/api/v1/services/" + service, """
                {"deposit":{"type":"FIXED","amount":{"amount":"10.00","currency":"GBP"}}}""");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(fixed.json().get("deposit").get("amount").get("amount").decimalValue()).isEqualByComparingTo("10");
        assertThat(CELLS.column(tenant, "select deposit_type || ' ' || deposit_amount from service where id = '"
                + service + "'")).containsExactly("FIXED 10.00");
        Http.Response renamed = patch("/api/v1/services/" + service, "{\"name\":\"Deposit cut 2\"}");
        assertThat(renamed.json().get("deposit").get("type").asString()).as("kept by a patch of something else")
                .isEqualTo("FIXED");

        Http.Response percent = patch("/api/v1/services/" + service, """
                {"deposit":{"type":"PERCENT","percent":30}}""");
        assertThat(percent.json().get("deposit").get("percent").asInt()).isEqualTo(30);
        assertThat(CELLS.column(tenant, "select deposit_type || ' ' || coalesce(deposit_amount::text, '-') || ' '"
                + " || deposit_percent from service where id = '" + service + "'")).containsExactly("PERCENT - 30");
        assertThat(patch("/api/v1/services/" + service, "{\"deposit\":{\"type\":\"FULL\"}}").json()
                .get("deposit").get("type").asString()).isEqualTo("FULL");

        for (String bad : List.of("{\"type\":\"FIXED\"}", "{\"type\":\"PERCENT\"}",
                "{\"type\":\"PERCENT\",\"percent\":0}", "{\"type\":\"PERCENT\",\"percent\":101}",
                "{\"type\":\"FIXED\",\"amount\":{\"amount\":\"0\",\"currency\":\"GBP\"}}",
                "{\"type\":\"FIXED\",\"amount\":{\"amount\":\"-5\",\"currency\":\"GBP\"}}",
                "{\"type\":\"FIXED\",\"amount\":{\"amount\":\"5.001\",\"currency\":\"GBP\"}}",
                "{\"type\":\"FIXED\",\"amount\":{\"amount\":\"5\",\"currency\":\"CNY\"}}",
                "{\"type\":\"FULL\",\"percent\":50}", "{\"type\":\"SOME\"}", "{}")) {
            Http.Response refused = patch("/api/v1/services/" + service, "{\"deposit\":" + bad + "}");
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(CELLS.column(tenant, "select deposit_type from service where id = '" + service + "'"))
                .as("nothing refused was kept").containsExactly("FULL");
    }

    @Test
    void aServiceHasItsOwnGridAndEachPerformerTheirOwnTerms() throws Exception {
        Salon salon = salon();
        assertThat(patch("/api/v1/services/" + salon.service(), "{\"slotStepMinutes\":30}").status()).isEqualTo(200);
        assertThat(chains.call("GET", "/api/v1/services/" + salon.service(), stylistToken, null).json()
                .get("slotStepMinutes").asInt()).isEqualTo(30);
        List<LocalTime> grid = starts(salon, monday);
        assertThat(grid).as("every half hour").isNotEmpty().allMatch(time -> time.getMinute() % 30 == 0)
                .contains(LocalTime.of(9, 0), LocalTime.of(9, 30), LocalTime.of(16, 0));
        for (String bad : List.of("{\"slotStepMinutes\":4}", "{\"slotStepMinutes\":241}",
                "{\"slotStepMinutes\":\"often\"}")) {
            assertThat(patch("/api/v1/services/" + salon.service(), bad).status()).as(bad).isEqualTo(400);
        }

        String performer = "/api/v1/services/" + salon.service() + "/performers/" + salon.stylist();
        Http.Response slower = chains.call("PUT", performer, manager, """
                {"durationMinutes":90,"price":{"amount":"55.00","currency":"GBP"}}""");
        assertThat(slower.status()).as(slower.body()).isEqualTo(200);
        JsonNode terms = chains.call("GET", "/api/v1/services/" + salon.service() + "/performers", stylistToken,
                null).json().get(0);
        assertThat(terms.get("durationMinutes").asInt()).isEqualTo(90);
        assertThat(terms.get("price").get("amount").decimalValue()).isEqualByComparingTo("55.00");
        assertThat(starts(salon, monday)).as("90 minutes for this stylist").contains(LocalTime.of(15, 0))
                .doesNotContain(LocalTime.of(16, 0));

        assertThat(chains.call("PUT", performer, manager, "{\"price\":{\"amount\":\"5\",\"currency\":\"CNY\"}}")
                .status()).isEqualTo(400);
        assertThat(chains.call("PUT", performer, manager, "{\"durationMinutes\":1}").status()).isEqualTo(400);
        assertThat(chains.call("PUT", "/api/v1/services/" + salon.service() + "/performers/" + foreignStaff, manager,
                "{}").status()).as("another chain's stylist").isEqualTo(404);
        assertThat(chains.call("PUT", performer, stylistToken, "{}").status()).isEqualTo(403);

        assertThat(chains.call("DELETE", performer, owner, null).status()).isEqualTo(204);
        assertThat(chains.call("DELETE", performer, owner, null).status()).isEqualTo(404);
        assertThat(starts(salon, monday)).as("nobody performs it now").isEmpty();
    }

    @Test
    void aLocationIsChangedAndItsHoursDecideTheSlots() throws Exception {
        Salon salon = salon();
        Http.Response changed = patch("/api/v1/locations/" + salon.location(), """
                {"name":"Renamed salon","phone":"+44 20 0000 0000",
                 "openingHours":[{"day":"MONDAY","opens":"12:00","closes":"18:00"}]}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("name").asString()).isEqualTo("Renamed salon");
        assertThat(changed.json().get("address").get("city").asString()).as("unchanged").isEqualTo("London");
        assertThat(changed.json().get("openingHours").size()).isEqualTo(1);
        assertThat(starts(salon, monday)).as("opens at noon now").doesNotContain(LocalTime.of(11, 45))
                .contains(LocalTime.of(12, 0));

        for (String bad : List.of("{\"timezone\":\"Mars/Olympus\"}", "{\"timezone\":\"\"}", "{\"name\":\"\"}",
                "{\"latitude\":91}", "{\"phone\":\"call me\"}",
                "{\"openingHours\":[{\"day\":\"MONDAY\",\"opens\":\"18:00\",\"closes\":\"09:00\"}]}",
                "{\"openingHours\":[{\"day\":\"MONDAY\",\"opens\":\"09:00\",\"closes\":\"13:00\"},"
                        + "{\"day\":\"MONDAY\",\"opens\":\"12:00\",\"closes\":\"18:00\"}]}",
                "{\"openingHours\":[{\"day\":\"FUNDAY\",\"opens\":\"09:00\",\"closes\":\"13:00\"}]}",
                "{\"address\":{\"line1\":\"\",\"city\":\"London\",\"country\":\"GB\"}}",
                "{\"address\":{\"line1\":\"1 Road\",\"city\":\"London\",\"country\":\"England\"}}")) {
            assertProblem(patch("/api/v1/locations/" + salon.location(), bad), 400, "validation");
        }
        assertProblem(patch("/api/v1/locations/" + salon.location(), "{\"latitude\":\"north\"}"), 400,
                "malformed-request");
        assertProblem(patch("/api/v1/locations/" + foreignLocation, "{\"name\":\"Mine\"}"), 404, "not-found");
        assertThat(CELLS.column(tenant, "select name || ' ' || timezone from location where id = '"
                + salon.location() + "'")).containsExactly("Renamed salon Europe/London");
    }

    @Test
    void aClosureRemovesItsSlotsUntilItIsDeleted() throws Exception {
        Salon salon = salon();
        String path = "/api/v1/locations/" + salon.location() + "/closures";
        assertThat(starts(salon, monday)).contains(LocalTime.of(10, 0), LocalTime.of(11, 30));

        Http.Response added = chains.call("POST", path, manager, closure(monday, "10:00", "12:00", "Boiler"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String closure = added.json().get("id").asString();
        assertThat(starts(salon, monday)).as("closed 10:00-12:00").doesNotContain(LocalTime.of(10, 0),
                LocalTime.of(11, 30)).contains(LocalTime.of(9, 0), LocalTime.of(12, 0));
        JsonNode listed = chains.call("GET", path, stylistToken, null).json();
        assertThat(Chains.ids(listed)).containsExactly(closure);
        assertThat(listed.get(0).get("reason").asString()).isEqualTo("Boiler");

        String future = "2099-06-01T09:00:00Z";
        for (String bad : List.of(
                "{\"start\":\"2099-06-02T09:00:00Z\",\"end\":\"" + future + "\"}",
                "{\"start\":\"" + future + "\",\"end\":\"" + future + "\"}",
                "{\"start\":\"" + future + "\",\"end\":\"2100-06-03T09:00:00Z\"}",
                "{\"start\":\"2020-01-01T09:00:00Z\",\"end\":\"2020-01-02T09:00:00Z\"}",
                "{\"start\":\"+100000-01-01T00:00:00Z\",\"end\":\"+100000-01-02T00:00:00Z\"}",
                "{\"start\":\"" + future + "\"}",
                "{\"start\":\"" + future + "\",\"end\":\"2099-06-01T10:00:00Z\",\"reason\":\"" + "r".repeat(201)
                        + "\"}")) {
            assertProblem(chains.call("POST", path, owner, bad), 400, "validation");
        }
        assertProblem(chains.call("POST", path, owner, "{\"start\":\"Monday\",\"end\":\"Tuesday\"}"), 400,
                "malformed-request");
        assertProblem(chains.call("POST", "/api/v1/locations/" + foreignLocation + "/closures", owner,
                closure(monday, "10:00", "12:00", "x")), 404, "not-found");
        assertProblem(chains.call("DELETE", path + "/" + foreignClosure, owner, null), 404, "not-found");
        assertProblem(chains.call("DELETE", path + "/" + closure, stylistToken, null), 403, "forbidden");

        assertThat(chains.call("DELETE", path + "/" + closure, owner, null).status()).isEqualTo(204);
        assertProblem(chains.call("DELETE", path + "/" + closure, owner, null), 404, "not-found");
        assertThat(starts(salon, monday)).contains(LocalTime.of(10, 0), LocalTime.of(11, 30));
        assertThat(CELLS.column(tenant, "select count(*) from location_closure where location_id = '"
                + salon.location() + "'")).containsExactly("0");
    }

    @Test
    void aHolidayClosesTheWholeDaySettingItTwiceKeepsOne() throws Exception {
        Salon salon = salon();
        String path = "/api/v1/locations/" + salon.location() + "/holidays/" + monday;
        assertThat(starts(salon, monday)).isNotEmpty();

        Http.Response set = chains.call("PUT", path, manager, "{\"name\":\"Bank holiday\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("date").asString()).isEqualTo(monday.toString());
        assertThat(starts(salon, monday)).as("a holiday").isEmpty();
        assertThat(starts(salon, monday.plusWeeks(1))).as("the week after").isNotEmpty();

        Http.Response again = chains.call("PUT", path, owner, "{\"name\":\"Spring bank holiday\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(chains.call("PUT", "/api/v1/locations/" + salon.location() + "/holidays/" + monday.plusDays(7),
                owner, null).status()).as("without a name").isEqualTo(200);
        JsonNode year = chains.call("GET", "/api/v1/locations/" + salon.location() + "/holidays?year="
                + monday.getYear(), stylistToken, null).json();
        assertThat(year.get(0).get("name").asString()).isEqualTo("Spring bank holiday");
        assertThat(chains.call("GET", "/api/v1/locations/" + salon.location() + "/holidays?year=2001", owner, null)
                .json().size()).isZero();
        assertThat(CELLS.column(tenant, "select count(*) from location_holiday where location_id = '"
                + salon.location() + "' and day = '" + monday + "'")).containsExactly("1");

        assertProblem(chains.call("PUT", "/api/v1/locations/" + salon.location() + "/holidays/2027-02-30", owner,
                "{}"), 400, "malformed-request");
        assertProblem(chains.call("PUT", "/api/v1/locations/" + salon.location() + "/holidays/1850-01-01", owner,
                "{}"), 400, "validation");
        assertProblem(chains.call("PUT", path, owner, "{\"name\":\"" + "n".repeat(121) + "\"}"), 400, "validation");
        assertProblem(chains.call("GET", "/api/v1/locations/" + salon.location() + "/holidays?year=99999", owner,
                null), 400, "validation");
        assertProblem(chains.call("GET", "/api/v1/locations/" + salon.location() + "/holidays?year=soon", owner,
                null), 400, "malformed-request");
        assertProblem(chains.call("PUT", "/api/v1/locations/" + foreignLocation + "/holidays/" + monday, owner,
                "{}"), 404, "not-found");
        assertProblem(chains.call("DELETE", path, stylistToken, null), 403, "forbidden");

        assertThat(chains.call("DELETE", path, owner, null).status()).isEqualTo(204);
        assertProblem(chains.call("DELETE", path, owner, null), 404, "not-found");
        assertThat(starts(salon, monday)).isNotEmpty();
    }

    @Test
    void anExtraShiftAddsSlotsOnADayOffUntilItIsDeleted() throws Exception {
        Salon salon = salon();
        String path = "/api/v1/staff/" + salon.stylist() + "/extra-shifts";
        assertThat(starts(salon, tuesday)).as("no shift on Tuesdays").isEmpty();

        Http.Response added = chains.call("POST", path, manager, extraShift(salon.location(), tuesday, "10:00",
                "14:00"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String shift = added.json().get("id").asString();
        assertThat(added.json().get("end").asString()).isEqualTo("14:00");
        assertThat(starts(salon, tuesday)).as("the extra shift").contains(LocalTime.of(10, 0))
                .doesNotContain(LocalTime.of(9, 45), LocalTime.of(14, 0));
        assertThat(starts(salon, tuesday.plusWeeks(1))).as("only that Tuesday").isEmpty();
        JsonNode listed = chains.call("GET", path + "?from=" + tuesday + "&to=" + tuesday, stylistToken, null)
                .json();
        assertThat(Chains.ids(listed)).containsExactly(shift);

        String elsewhere = chains.addLocation(owner, "Not theirs " + sequence.incrementAndGet());
        for (String bad : List.of(extraShift(salon.location(), tuesday, "14:00", "10:00"),
                extraShift(salon.location(), tuesday, "13:00", "15:00"),
                extraShift(elsewhere, tuesday.plusDays(1), "10:00", "14:00"),
                extraShift(foreignLocation, tuesday.plusDays(1), "10:00", "14:00"),
                extraShift(salon.location(), LocalDate.of(1999, 1, 1), "10:00", "14:00"),
                extraShift(salon.location(), tuesday, "9am", "14:00"),
                extraShift(salon.location(), tuesday, "10:00", "24:30"),
                "{\"locationId\":\"" + salon.location() + "\",\"start\":\"10:00\",\"end\":\"11:00\"}")) {
            assertProblem(chains.call("POST", path, owner, bad), 400, "validation");
        }
        assertProblem(chains.call("POST", path, owner, extraShift(salon.location(), null, "10:00", "11:00")
                .replace("\"null\"", "\"2027-13-01\"")), 400, "malformed-request");
        assertProblem(chains.call("GET", path + "?from=" + tuesday + "&to=" + monday, owner, null), 400,
                "validation");
        assertProblem(chains.call("POST", "/api/v1/staff/" + foreignStaff + "/extra-shifts", owner,
                extraShift(salon.location(), tuesday, "10:00", "14:00")), 404, "not-found");
        assertProblem(chains.call("DELETE", path + "/" + foreignExtraShift, owner, null), 404, "not-found");
        assertProblem(chains.call("DELETE", path + "/" + shift, stylistToken, null), 403, "forbidden");

        assertThat(chains.call("DELETE", path + "/" + shift, owner, null).status()).isEqualTo(204);
        assertThat(starts(salon, tuesday)).isEmpty();
        assertThat(chains.call("POST", path, owner, extraShift(salon.location(), tuesday, "09:00", "24:00"))
                .status()).as("until the end of the day").isEqualTo(201);
        assertThat(starts(salon, tuesday)).as("inside the opening hours only").contains(LocalTime.of(9, 0))
                .doesNotContain(LocalTime.of(18, 0));
    }

    @Test
    void theScheduleAndTimeOffAreReadBackAndTimeOffIsRemoved() throws Exception {
        Salon salon = salon();
        Http.Response schedule = chains.call("GET", "/api/v1/staff/" + salon.stylist() + "/schedule?locationId="
                + salon.location(), stylistToken, null);
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
        assertThat(schedule.json().get("weekly").get(0).get("day").asString()).isEqualTo("MONDAY");
        assertThat(schedule.json().get("weekly").get(0).get("end").asString()).isEqualTo("17:00");
        assertThat(schedule.json().get("breaks").get(0).get("start").asString()).isEqualTo("13:00");
        String elsewhere = chains.addLocation(owner, "No rota " + sequence.incrementAndGet());
        assertThat(chains.call("GET", "/api/v1/staff/" + salon.stylist() + "/schedule?locationId=" + elsewhere,
                owner, null).json().get("weekly").size()).isZero();
        assertProblem(chains.call("GET", "/api/v1/staff/" + salon.stylist() + "/schedule", owner, null), 400,
                "malformed-request");
        assertProblem(chains.call("GET", "/api/v1/staff/" + salon.stylist() + "/schedule?locationId="
                + foreignLocation, owner, null), 404, "not-found");

        String path = "/api/v1/staff/" + salon.stylist() + "/time-off";
        Instant start = monday.atTime(9, 0).atZone(LONDON).toInstant();
        Http.Response away = chains.call("POST", path, owner, """
                {"start":"%s","end":"%s","reason":"Dentist"}""".formatted(start, start.plusSeconds(3 * 3600)));
        assertThat(away.status()).as(away.body()).isEqualTo(201);
        String timeOff = away.json().get("id").asString();
        assertThat(starts(salon, monday)).doesNotContain(LocalTime.of(9, 0), LocalTime.of(11, 30))
                .contains(LocalTime.of(12, 0));
        assertThat(Chains.ids(chains.call("GET", path + "?from=" + start + "&to=" + start.plusSeconds(60),
                stylistToken, null).json())).containsExactly(timeOff);
        assertThat(chains.call("GET", path + "?from=" + start.plusSeconds(86_400), owner, null).json().size())
                .isZero();
        assertProblem(chains.call("GET", path + "?from=" + start + "&to=" + start, owner, null), 400, "validation");
        assertProblem(chains.call("GET", path + "?from=yesterday", owner, null), 400, "malformed-request");
        assertProblem(chains.call("POST", path, owner, """
                {"start":"+100000-01-01T00:00:00Z","end":"+100000-01-02T00:00:00Z"}"""), 400, "validation");
        assertProblem(chains.call("DELETE", path + "/" + foreignTimeOff, owner, null), 404, "not-found");
        assertProblem(chains.call("DELETE", path + "/" + timeOff, stylistToken, null), 403, "forbidden");

        assertThat(chains.call("DELETE", path + "/" + timeOff, manager, null).status()).isEqualTo(204);
        assertProblem(chains.call("DELETE", path + "/" + timeOff, owner, null), 404, "not-found");
        assertThat(starts(salon, monday)).contains(LocalTime.of(9, 0), LocalTime.of(11, 30));
    }

    @Test
    void theBookingPolicyIsReadByStaffAndChangedByOwnersWithinItsRanges() throws Exception {
        JsonNode defaults = chains.call("GET", "/api/v1/booking-policy", stylistToken, null).json();
        assertThat(defaults.get("slotStepMinutes").asInt()).isEqualTo(15);
        assertThat(defaults.get("leadTimeMinutes").asInt()).isEqualTo(120);
        assertThat(defaults.get("horizonDays").asInt()).isEqualTo(180);
        Salon salon = salon();
        assertThat(starts(salon, monday)).contains(LocalTime.of(9, 15));

        String body = policy(30, 60, 90, 15, 48, 100);
        assertProblem(chains.call("PUT", "/api/v1/booking-policy", manager, body), 403, "forbidden");
        Http.Response changed = chains.call("PUT", "/api/v1/booking-policy", owner, body);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("lateCancellationFeePercent").asInt()).isEqualTo(100);
        try {
            assertThat(starts(salon, monday)).as("a 30-minute grid").contains(LocalTime.of(9, 0), LocalTime.of(9, 30))
                    .doesNotContain(LocalTime.of(9, 15));
            assertThat(CELLS.column(tenant, "select slot_step_minutes || ' ' || hold_minutes || ' '"
                    + " || free_cancellation_hours from booking_policy")).containsExactly("30 15 48");

            for (String bad : List.of(policy(4, 60, 90, 15, 48, 50), policy(241, 60, 90, 15, 48, 50),
                    policy(15, -1, 90, 15, 48, 50), policy(15, 43_201, 90, 15, 48, 50), policy(15, 60, 0, 15, 48, 50),
                    policy(15, 60, 731, 15, 48, 50), policy(15, 60, 90, 0, 48, 50), policy(15, 60, 90, 61, 48, 50),
                    policy(15, 60, 90, 15, -1, 50), policy(15, 60, 90, 15, 721, 50), policy(15, 60, 90, 15, 48, -1),
                    policy(15, 60, 90, 15, 48, 101), "{\"slotStepMinutes\":15}", "{}")) {
                JsonNode problem = assertProblem(chains.call("PUT", "/api/v1/booking-policy", owner, bad), 400,
                        "validation");
                assertThat(problem.get("errors").size()).as(bad).isPositive();
            }
            for (String malformed : List.of("{\"slotStepMinutes\":\"fifteen\"}",
                    "{\"slotStepMinutes\":99999999999999999999}", "", "null", "[1,2]")) {
                assertProblem(chains.call("PUT", "/api/v1/booking-policy", owner, malformed), 400,
                        "malformed-request");
            }
            JsonNode named = assertProblem(chains.call("PUT", "/api/v1/booking-policy", owner,
                    policy(1, 60, 90, 15, 48, 50)), 400, "validation");
            assertThat(named.get("errors").get(0).get("field").asString()).isEqualTo("slotStepMinutes");
            assertThat(CELLS.column(tenant, "select slot_step_minutes from booking_policy"))
                    .as("unchanged by the refusals").containsExactly("30");

            assertThat(changed.json().get("noShowFeePercent").asInt()).as("no no-show fee by default").isZero();
            String withNoShowFee = body.replace("}", ",\"noShowFeePercent\":40}");
            assertThat(chains.call("PUT", "/api/v1/booking-policy", owner, withNoShowFee).json()
                    .get("noShowFeePercent").asInt()).isEqualTo(40);
            assertThat(chains.call("PUT", "/api/v1/booking-policy", owner, body).json().get("noShowFeePercent")
                    .asInt()).as("left out, it stays").isEqualTo(40);
            for (String fee : List.of("-1", "101", "\"x\"")) {
                assertThat(chains.call("PUT", "/api/v1/booking-policy", owner, body.replace("}",
                        ",\"noShowFeePercent\":" + fee + "}")).status()).as(fee).isEqualTo(400);
            }
            assertThat(CELLS.column(tenant, "select no_show_fee_percent from booking_policy")).containsExactly("40");
            chains.call("PUT", "/api/v1/booking-policy", owner, body.replace("}", ",\"noShowFeePercent\":0}"));
        } finally {
            chains.call("PUT", "/api/v1/booking-policy", owner, policy(15, 120, 180, 10, 24, 50));
        }
    }

    /** A fresh salon of its own for one test, so that tests do not share availability. */
    private Salon salon() {
        int n = sequence.incrementAndGet();
        Http.Response location = chains.call("POST", "/api/v1/locations", owner, OPEN_ALL_WEEK.formatted("Salon " + n));
        assertThat(location.status()).as(location.body()).isEqualTo(201);
        String locationId = location.json().get("id").asString();
        String stylist = chains.addStaff(owner, "stylist" + n + "@admin-chain.test", "STYLIST", locationId);
        String service = chains.addService(owner, "Cut " + n);
        assertThat(patch("/api/v1/services/" + service, "{\"staffIds\":[\"" + stylist + "\"]}").status())
                .isEqualTo(200);
        Http.Response week = chains.call("PUT", "/api/v1/staff/" + stylist + "/schedule", owner, """
                {"locationId":"%s","weekly":[{"day":"MONDAY","start":"09:00","end":"17:00"}],
                 "breaks":[{"day":"MONDAY","start":"13:00","end":"13:30"}]}""".formatted(locationId));
        assertThat(week.status()).as(week.body()).isEqualTo(200);
        return new Salon(locationId, stylist, service);
    }

    /** The start times (London wall clock) the storefront's engine offers for the salon's service on {@code date}. */
    private List<LocalTime> starts(Salon salon, LocalDate date) {
        return TenantContext.asTenant(tenant, () -> {
            Instant now = Instant.now();
            AvailabilitySearch.Prepared prepared = search.prepare(new AvailabilityQuery(
                    UUID.fromString(salon.location()), List.of(UUID.fromString(salon.service())), null, date, date),
                    now);
            return prepared.engine().slots(prepared.visit(), date, date, now).stream()
                    .map(AvailabilityEngine.Slot::start)
                    .map(start -> start.atZone(LONDON).toLocalTime())
                    .distinct().toList();
        });
    }

    private Http.Response patch(String path, String body) {
        return chains.call("PATCH", path, owner, body);
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static String closure(LocalDate date, String from, String to, String reason) {
        return """
                {"start":"%s","end":"%s","reason":"%s"}""".formatted(
                date.atTime(LocalTime.parse(from)).atZone(LONDON).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                date.atTime(LocalTime.parse(to)).atZone(LONDON).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), reason);
    }

    private static String extraShift(String location, LocalDate date, String start, String end) {
        return """
                {"locationId":"%s","date":"%s","start":"%s","end":"%s"}""".formatted(location, date, start, end);
    }

    private static String policy(int step, int lead, int horizon, int hold, int freeHours, int fee) {
        return """
                {"slotStepMinutes":%d,"leadTimeMinutes":%d,"horizonDays":%d,"holdMinutes":%d,
                 "freeCancellationHours":%d,"lateCancellationFeePercent":%d}""".formatted(step, lead, horizon, hold,
                freeHours, fee);
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
