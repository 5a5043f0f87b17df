package dev.atelier.portal.services;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The menu, who performs what, weekly schedules and time off, through the portal against the real servers. */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAndSchedulesIT {

    static final TestCells CELLS = TestCells.create("catalog");
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
    String location;
    String otherLocation;
    Tenant tenant;

    @BeforeAll
    void chain() {
        chains = new Chains(new Http(port), KEYCLOAK);
        owner = chains.token(chains.signUp("catalog-chain"));
        location = chains.addLocation(owner, "Soho");
        otherLocation = chains.addLocation(owner, "Camden");
        tenant = directory.bySlug(Slug.of("catalog-chain")).orElseThrow();
    }

    @Test
    void aServiceWithProcessingTimeBuffersResourcesAndPerformersIsOnTheMenu() throws Exception {
        String stylist = chains.addStaff(owner, "colourist@catalog.test", "STYLIST", location);
        Http.Response created = chains.call("POST", "/api/v1/services", owner, """
                {"name":"Full colour","category":"Colour","description":"Root to tip","durationMinutes":120,
                 "processingOffsetMinutes":30,"processingMinutes":45,"bufferBeforeMinutes":5,"bufferAfterMinutes":10,
                 "price":{"amount":95.50,"currency":"GBP"},"onlineBookable":true,"resourceTypes":["basin"],
                 "staffIds":["%s"]}""".formatted(stylist));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode service = created.json();

        JsonNode listed = find(chains.call("GET", "/api/v1/services", owner, null).json(),
                service.get("id").asString());
        assertThat(listed.get("category").asString()).isEqualTo("Colour");
        assertThat(listed.get("processingMinutes").asInt()).isEqualTo(45);
        assertThat(listed.get("price").get("amount").decimalValue()).isEqualByComparingTo("95.50");
        assertThat(strings(listed.get("staffIds"))).containsExactly(stylist);
        assertThat(strings(listed.get("resourceTypes"))).containsExactly("basin");
        assertThat(strings(chains.call("GET", "/api/v1/staff/" + stylist, owner, null).json().get("serviceIds")))
                .containsExactly(service.get("id").asString());
    }

    @Test
    void staffAreAddedWithTheirServicesAndUnknownServicesAddNobody() throws Exception {
        String cut = chains.addService(owner, "Cut and finish");
        String beard = chains.addService(owner, "Beard trim");
        Http.Response added = chains.call("POST", "/api/v1/staff", owner, """
                {"name":"Barber","email":"barber@catalog.test","locationIds":["%s"],"serviceIds":["%s","%s"],
                 "password":"%s"}""".formatted(location, cut, beard, Chains.PASSWORD));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String barber = added.json().get("id").asString();
        assertThat(strings(added.json().get("serviceIds"))).containsExactlyInAnyOrder(cut, beard);

        Http.Response changed = chains.call("PATCH", "/api/v1/staff/" + barber, owner, """
                {"serviceIds":["%s"]}""".formatted(beard));
        assertThat(strings(changed.json().get("serviceIds"))).containsExactly(beard);

        String unknown = "00000000-0000-0000-0000-00000000beef";
        assertProblem(chains.call("POST", "/api/v1/staff", owner, """
                {"name":"Nobody","email":"nobody@catalog.test","serviceIds":["%s"]}""".formatted(unknown)), 400,
                "validation");
        assertThat(CELLS.column(tenant, "select count(*) from staff_membership where email = 'nobody@catalog.test'"))
                .containsExactly("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"Wrong currency\",\"durationMinutes\":30,\"price\":{\"amount\":10,\"currency\":\"CNY\"}}",
            "{\"name\":\"Three decimals\",\"durationMinutes\":30,\"price\":{\"amount\":10.005,\"currency\":\"GBP\"}}",
            "{\"name\":\"Negative\",\"durationMinutes\":30,\"price\":{\"amount\":-1,\"currency\":\"GBP\"}}",
            "{\"name\":\"Too short\",\"durationMinutes\":0,\"price\":{\"amount\":10,\"currency\":\"GBP\"}}",
            "{\"name\":\"Too long\",\"durationMinutes\":100000,\"price\":{\"amount\":10,\"currency\":\"GBP\"}}",
            "{\"name\":\"Processing outside\",\"durationMinutes\":30,\"processingOffsetMinutes\":20,"
                    + "\"processingMinutes\":20,\"price\":{\"amount\":10,\"currency\":\"GBP\"}}",
            "{\"name\":\"Huge buffer\",\"durationMinutes\":30,\"bufferAfterMinutes\":1000,"
                    + "\"price\":{\"amount\":10,\"currency\":\"GBP\"}}",
            "{\"name\":\"No price\",\"durationMinutes\":30}",
            "{\"name\":\"Unknown stylist\",\"durationMinutes\":30,\"price\":{\"amount\":10,\"currency\":\"GBP\"},"
                    + "\"staffIds\":[\"00000000-0000-0000-0000-000000000001\"]}",
            "{\"name\":\"Bad type\",\"durationMinutes\":\"thirty\",\"price\":{\"amount\":10,\"currency\":\"GBP\"}}",
            "{\"name\":\"Bad resource\",\"durationMinutes\":30,\"price\":{\"amount\":10,\"currency\":\"GBP\"},"
                    + "\"resourceTypes\":[\"<script>\"]}",
            "{\"name\":", "[]"})
    void badServicesAre400AndStoreNothing(String body) throws Exception {
        int before = Integer.parseInt(CELLS.column(tenant, "select count(*) from service").getFirst());

        Http.Response response = chains.call("POST", "/api/v1/services", owner, body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(CELLS.column(tenant, "select count(*) from service")).containsExactly(String.valueOf(before));
    }

    @Test
    void aWeeklyScheduleReplacesTheOneBeforeAtThatLocation() throws Exception {
        String stylist = chains.addStaff(owner, "rota@catalog.test", "STYLIST", location, otherLocation);
        Http.Response first = chains.call("PUT", "/api/v1/staff/" + stylist + "/schedule", owner,
                """
                        {"locationId":"%s","weekly":[{"day":"MONDAY","start":"09:00","end":"17:00"},
                         {"day":"TUESDAY","start":"12:00","end":"24:00"}],"breaks":[{"day":"MONDAY","start":"13:00","end":"13:30"}],
                         "validFrom":"2027-01-04"}"""
                        .formatted(location));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        chains.call("PUT", "/api/v1/staff/" + stylist + "/schedule", owner, """
                {"locationId":"%s","weekly":[{"day":"SATURDAY","start":"10:00","end":"16:00"}]}"""
                .formatted(otherLocation));
        Http.Response replaced = chains.call("PUT", "/api/v1/staff/" + stylist + "/schedule", owner, """
                {"locationId":"%s","weekly":[{"day":"WEDNESDAY","start":"08:30","end":"15:00"}]}"""
                .formatted(location));
        assertThat(replaced.status()).isEqualTo(200);

        assertThat(CELLS.column(tenant,
                """
                        select s.kind || ' ' || s.day || ' ' || s.start_minute || '-' || s.end_minute || ' ' || l.name
                          from staff_shift s join location l on l.id = s.location_id join staff_membership m on m.id = s.staff_id
                         where m.email = 'rota@catalog.test' order by l.name, s.day"""))
                .containsExactly(
                        "SHIFT 6 600-960 Camden", "SHIFT 3 510-900 Soho");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"locationId\":\"%s\",\"weekly\":[{\"day\":\"MONDAY\",\"start\":\"17:00\",\"end\":\"09:00\"}]}",
            "{\"locationId\":\"%s\",\"weekly\":[{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"13:00\"},"
                    + "{\"day\":\"MONDAY\",\"start\":\"12:00\",\"end\":\"18:00\"}]}",
            "{\"locationId\":\"%s\",\"weekly\":[{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"13:00\"}],"
                    + "\"breaks\":[{\"day\":\"TUESDAY\",\"start\":\"10:00\",\"end\":\"10:30\"}]}",
            "{\"locationId\":\"%s\",\"weekly\":[{\"day\":\"FUNDAY\",\"start\":\"09:00\",\"end\":\"13:00\"}]}",
            "{\"locationId\":\"%s\",\"weekly\":[{\"day\":\"MONDAY\",\"start\":\"9am\",\"end\":\"13:00\"}]}",
            "{\"locationId\":\"%s\",\"weekly\":[{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"24:30\"}]}",
            "{\"locationId\":\"%s\",\"weekly\":[],\"validFrom\":\"2027-02-01\",\"validUntil\":\"2027-01-01\"}",
            "{\"locationId\":\"00000000-0000-0000-0000-000000000009\",\"weekly\":[]}",
            "{\"weekly\":[]}"})
    void badSchedulesAre400AndKeepTheOldOne(String template) throws Exception {
        String stylist = chains.addStaff(owner, "kept" + Math.abs(template.hashCode()) + "@catalog.test", "STYLIST",
                location);
        chains.call("PUT", "/api/v1/staff/" + stylist + "/schedule", owner, """
                {"locationId":"%s","weekly":[{"day":"FRIDAY","start":"09:00","end":"17:00"}]}""".formatted(location));

        Http.Response response = chains.call("PUT", "/api/v1/staff/" + stylist + "/schedule", owner,
                template.formatted(location));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(CELLS.column(tenant, "select count(*) from staff_shift where staff_id = '" + stylist + "'"))
                .containsExactly("1");
    }

    @Test
    void timeOffIsRecordedAndNonsenseIsRefused() throws Exception {
        String stylist = chains.addStaff(owner, "away@catalog.test", "STYLIST", location);
        String path = "/api/v1/staff/" + stylist + "/time-off";

        Http.Response added = chains.call("POST", path, owner, """
                {"start":"2099-03-01T00:00:00Z","end":"2099-03-08T00:00:00Z","reason":"Holiday"}""");
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        for (String bad : new String[]{
                "{\"start\":\"2099-03-08T00:00:00Z\",\"end\":\"2099-03-01T00:00:00Z\"}",
                "{\"start\":\"2099-03-01T00:00:00Z\",\"end\":\"2101-03-01T00:00:00Z\"}",
                "{\"start\":\"2020-03-01T00:00:00Z\",\"end\":\"2020-03-08T00:00:00Z\"}",
                "{\"start\":\"next week\",\"end\":\"2099-03-08T00:00:00Z\"}",
                "{\"end\":\"2099-03-08T00:00:00Z\"}"}) {
            Http.Response response = chains.call("POST", path, owner, bad);
            assertThat(response.status()).as(bad + " → " + response.body()).isEqualTo(400);
        }
        assertProblem(chains.call("POST", "/api/v1/staff/00000000-0000-0000-0000-000000000009/time-off", owner, """
                {"start":"2099-03-01T00:00:00Z","end":"2099-03-08T00:00:00Z"}"""), 404, "not-found");
        assertThat(CELLS.column(tenant, "select reason from staff_time_off where staff_id = '" + stylist + "'"))
                .containsExactly("Holiday");
    }

    @Test
    void malformedIdsAndParametersAreProblemsNotServerErrors() {
        assertProblem(chains.call("GET", "/api/v1/services/not-a-uuid", owner, null), 400, "malformed-request");
        assertProblem(chains.call("PUT", "/api/v1/staff/42/schedule", owner, "{}"), 400, "malformed-request");
        assertProblem(chains.call("GET", "/api/v1/services/" + java.util.UUID.randomUUID(), owner, null), 404,
                "not-found");
    }

    private static java.util.List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.get("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
