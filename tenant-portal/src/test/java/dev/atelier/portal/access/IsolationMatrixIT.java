package dev.atelier.portal.access;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every portal endpoint × (anonymous, customer, stylist of A, owner of A, owner of B, platform admin) × (own
 * tenant, other tenant) gets the status the matrix expects (invitations: each caller sees only its own, and nobody
 * answers an invitation of someone else); afterwards each tenant's schema holds only what its own
 * people wrote, and no answer to anyone carried the other tenant's data. An endpoint the matrix does not list fails
 * the test.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixIT {

    static final TestCells CELLS = TestCells.create("matrix");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    enum Caller {
        ANONYMOUS,
        CUSTOMER,
        STYLIST_A,
        OWNER_A,
        OWNER_B,
        PLATFORM_ADMIN;

        /** The tenant this caller is staff of, if any ("a" or "b"). */
        String home() {
            return switch (this) {
                case STYLIST_A, OWNER_A -> "a";
                case OWNER_B -> "b";
                default -> null;
            };
        }
    }

    enum Target {
        OWN,
        OTHER
    }

    enum Kind {
        PUBLIC,
        /** The back office's settings before sign-in: the same for everyone, naming no chain. */
        PUBLIC_READ,
        PLATFORM,
        STAFF_READ,
        /** A change any staff member may make, stylists included. */
        STAFF_ACTION,
        STAFF_WRITE,
        /** Any signed-in account, about its own invitations; answering someone else's is 404. */
        ACCOUNT
    }

    /** {@code missing}: the id in the path names nothing at either tenant, so a caller who may call it gets 404. */
    record Endpoint(String method, String template, Kind kind, boolean creates, boolean missing) {
        Endpoint(String method, String template, Kind kind, boolean creates) {
            this(method, template, kind, creates, false);
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/signup", Kind.PUBLIC, true),
            new Endpoint("GET", "/app-config.json", Kind.PUBLIC_READ, false),
            new Endpoint("GET", "/api/v1/me", Kind.STAFF_READ, false),
            new Endpoint("GET", "/api/v1/locations", Kind.STAFF_READ, false),
            new Endpoint("GET", "/api/v1/locations/{id}", Kind.STAFF_READ, false),
            new Endpoint("POST", "/api/v1/locations", Kind.STAFF_WRITE, true),
            new Endpoint("GET", "/api/v1/staff", Kind.STAFF_READ, false),
            new Endpoint("GET", "/api/v1/staff/{id}", Kind.STAFF_READ, false),
            new Endpoint("POST", "/api/v1/staff", Kind.STAFF_WRITE, true),
            new Endpoint("PATCH", "/api/v1/staff/{id}", Kind.STAFF_WRITE, false),
            new Endpoint("POST", "/api/v1/staff/{id}/disable", Kind.STAFF_WRITE, false),
            new Endpoint("POST", "/api/v1/staff/{id}/enable", Kind.STAFF_WRITE, false),
            new Endpoint("PUT", "/api/v1/staff/{id}/schedule", Kind.STAFF_WRITE, false),
            new Endpoint("POST", "/api/v1/staff/{id}/time-off", Kind.STAFF_WRITE, true),
            new Endpoint("GET", "/api/v1/bookings", Kind.STAFF_READ, false),
            new Endpoint("GET", "/api/v1/bookings/changes", Kind.STAFF_READ, false),
            new Endpoint("GET", "/api/v1/bookings/working-time", Kind.STAFF_READ, false),
            new Endpoint("POST", "/api/v1/bookings/{id}/check-in", Kind.STAFF_ACTION, false, true),
            new Endpoint("POST", "/api/v1/bookings/{id}/complete", Kind.STAFF_ACTION, false, true),
            new Endpoint("POST", "/api/v1/bookings/{id}/no-show", Kind.STAFF_WRITE, false, true),
            new Endpoint("POST", "/api/v1/bookings", Kind.STAFF_ACTION, true, true),
            new Endpoint("POST", "/api/v1/walk-ins", Kind.STAFF_ACTION, true, true),
            new Endpoint("POST", "/api/v1/bookings/{id}/cancel", Kind.STAFF_WRITE, false, true),
            new Endpoint("POST", "/api/v1/bookings/{id}/reschedule", Kind.STAFF_WRITE, false, true),
            // a booking's money: the front desk reads it, owners and managers refund (stylists neither)
            new Endpoint("GET", "/api/v1/bookings/{id}/payments", Kind.STAFF_WRITE, false, true),
            new Endpoint("POST", "/api/v1/bookings/{id}/refunds", Kind.STAFF_WRITE, true, true),
            new Endpoint("POST", "/api/v1/bookings/{id}/payments", Kind.STAFF_WRITE, true, true),
            // the chain's money: owners and managers only
            new Endpoint("GET", "/api/v1/payments", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/settlements", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/settlements.csv", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/staff/{id}/schedule", Kind.STAFF_READ, false),
            new Endpoint("GET", "/api/v1/staff/{id}/time-off", Kind.STAFF_READ, false),
            new Endpoint("DELETE", "/api/v1/staff/{id}/time-off/{timeOffId}", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/staff/{id}/extra-shifts", Kind.STAFF_READ, false),
            new Endpoint("POST", "/api/v1/staff/{id}/extra-shifts", Kind.STAFF_WRITE, true),
            new Endpoint("DELETE", "/api/v1/staff/{id}/extra-shifts/{shiftId}", Kind.STAFF_WRITE, false),
            new Endpoint("PATCH", "/api/v1/locations/{id}", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/locations/{id}/closures", Kind.STAFF_READ, false),
            new Endpoint("POST", "/api/v1/locations/{id}/closures", Kind.STAFF_WRITE, true),
            new Endpoint("DELETE", "/api/v1/locations/{id}/closures/{closureId}", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/locations/{id}/holidays", Kind.STAFF_READ, false),
            new Endpoint("PUT", "/api/v1/locations/{id}/holidays/{date}", Kind.STAFF_WRITE, false),
            new Endpoint("DELETE", "/api/v1/locations/{id}/holidays/{date}", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/resources", Kind.STAFF_READ, false),
            new Endpoint("POST", "/api/v1/resources", Kind.STAFF_WRITE, true),
            new Endpoint("PATCH", "/api/v1/resources/{id}", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/theme", Kind.STAFF_READ, false),
            new Endpoint("PUT", "/api/v1/theme", Kind.STAFF_WRITE, false),
            new Endpoint("POST", "/api/v1/theme/preview", Kind.STAFF_WRITE, false),
            new Endpoint("POST", "/api/v1/theme/previews", Kind.STAFF_WRITE, true),
            new Endpoint("GET", "/api/v1/booking-policy", Kind.STAFF_READ, false),
            // payment settings are read by owners and managers only: stylists are refused as for a change
            new Endpoint("GET", "/api/v1/payment-settings", Kind.STAFF_WRITE, false),
            new Endpoint("PUT", "/api/v1/payment-settings", Kind.STAFF_WRITE, false),
            new Endpoint("PUT", "/api/v1/booking-policy", Kind.STAFF_WRITE, false),
            new Endpoint("PATCH", "/api/v1/services/{id}", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/services/{id}/performers", Kind.STAFF_READ, false),
            new Endpoint("PUT", "/api/v1/services/{id}/performers/{staffId}", Kind.STAFF_WRITE, false),
            new Endpoint("DELETE", "/api/v1/services/{id}/performers/{staffId}", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/services", Kind.STAFF_READ, false),
            new Endpoint("GET", "/api/v1/services/{id}", Kind.STAFF_READ, false),
            new Endpoint("POST", "/api/v1/services", Kind.STAFF_WRITE, true),
            new Endpoint("GET", "/api/v1/reports/{report}", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/reports/{report}.csv", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/customers", Kind.STAFF_WRITE, false),
            // the delivery log: the front desk's, not a stylist's
            new Endpoint("GET", "/api/v1/notifications", Kind.STAFF_WRITE, false),
            new Endpoint("GET", "/api/v1/customers/{id}", Kind.STAFF_WRITE, false),
            new Endpoint("POST", "/api/v1/customers/{id}/notes", Kind.STAFF_WRITE, true),
            new Endpoint("GET", "/api/v1/invitations", Kind.ACCOUNT, false),
            new Endpoint("POST", "/api/v1/invitations/{id}/accept", Kind.ACCOUNT, false),
            new Endpoint("POST", "/api/v1/invitations/{id}/decline", Kind.ACCOUNT, false),
            new Endpoint("GET", "/api/v1/platform/tenants", Kind.PLATFORM, false),
            new Endpoint("GET", "/api/v1/platform/tenants/{slug}", Kind.PLATFORM, false),
            new Endpoint("POST", "/api/v1/platform/tenants/{slug}/suspend", Kind.PLATFORM, false),
            new Endpoint("POST", "/api/v1/platform/tenants/{slug}/activate", Kind.PLATFORM, false));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TenantDirectory directory;

    Chains chains;
    final AtomicInteger sequence = new AtomicInteger();
    final String[] location = new String[2];
    final String[] victim = new String[2];
    final String[] service = new String[2];
    final String[] resource = new String[2];
    /** Each chain's customer (a profile made as a first visit makes it). */
    final String[] customer = new String[2];
    /** Each chain's invitation of an account that is none of the callers: nobody but it may answer. */
    final String[] invitation = new String[2];
    final java.util.Map<Caller, String> tokens = new java.util.EnumMap<>(Caller.class);

    @BeforeAll
    void tenantsAndPeople() {
        chains = new Chains(new Http(port), KEYCLOAK);
        for (String tenant : List.of("a", "b")) {
            String owner = chains.signUp("matrix-" + tenant);
            String token = chains.token(owner);
            int i = index(tenant);
            location[i] = chains.addLocation(token, tenant.toUpperCase() + "-home");
            victim[i] = chains.addStaff(token, "victim@matrix-" + tenant + ".test", "STYLIST", location[i]);
            service[i] = chains.addService(token, tenant.toUpperCase() + "-home-service");
            Http.Response chair = chains.call("POST", "/api/v1/resources", token, """
                    {"locationId":"%s","name":"%s-home-chair","type":"chair"}""".formatted(location[i],
                    tenant.toUpperCase()));
            assertThat(chair.status()).as(chair.body()).isEqualTo(201);
            resource[i] = chair.json().get("id").asString();
            tokens.put(tenant.equals("a") ? Caller.OWNER_A : Caller.OWNER_B, token);
            customer[i] = UUID.randomUUID().toString();
            try {
                CELLS.update(directory.bySlug(Slug.of("matrix-" + tenant)).orElseThrow(), """
                        insert into customer (id, user_id, name, email, created_at, last_seen_at)
                        values ('%s', 'matrix-customer', '%s-customer', 'customer@matrix.test', now(), now())"""
                        .formatted(customer[i], tenant.toUpperCase()));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        String ownerA = tokens.get(Caller.OWNER_A);
        chains.addStaff(ownerA, "stylist@matrix-a.test", "STYLIST", location[0]);
        tokens.put(Caller.STYLIST_A, chains.token("stylist@matrix-a.test"));
        chains.plainAccount("customer@matrix.test");
        tokens.put(Caller.CUSTOMER, chains.token("customer@matrix.test"));
        chains.plainAccount("invitee@matrix.test");
        for (String tenant : List.of("a", "b")) {
            String owner = tokens.get(tenant.equals("a") ? Caller.OWNER_A : Caller.OWNER_B);
            Http.Response invited = chains.call("POST", "/api/v1/staff", owner, """
                    {"name":"Invitee","email":"invitee@matrix.test","role":"STYLIST"}""");
            assertThat(invited.json().get("status").asString()).as(invited.body()).isEqualTo("INVITED");
        }
        for (JsonNode open : chains.call("GET", "/api/v1/invitations", chains.token("invitee@matrix.test"), null)
                .json()) {
            invitation[index(open.get("tenant").get("slug").asString().substring("matrix-".length()))] = open
                    .get("id").asString();
        }
        tokens.put(Caller.PLATFORM_ADMIN, KEYCLOAK.accessToken("atelier", "atelier-dev", "admin@atelier.test",
                "atelier-admin", Chains.SCOPE));
    }

    @Test
    void theMatrixListsEveryEndpoint() {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> info
                .getMethodsCondition().getMethods().forEach(method -> served.add(method.name() + " " + pattern))));
        // health and the OpenAPI description on the app's port are public and checked by OperationalEndpointsIT
        served.removeIf(endpoint -> endpoint.endsWith(" /error") || endpoint.startsWith("GET /actuator/health")
                || endpoint.startsWith("GET /v3/api-docs"));
        Set<String> listed = new TreeSet<>();
        ENDPOINTS.forEach(endpoint -> listed.add(endpoint.method() + " " + endpoint.template()));
        assertThat(served).as("endpoints served by the portal").isEqualTo(listed);
    }

    @Test
    void everyCallerGetsWhatTheMatrixSaysAndNoTenantSeesOrWritesTheOther() throws Exception {
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (Caller caller : Caller.values()) {
            for (Target target : Target.values()) {
                for (Endpoint endpoint : ENDPOINTS) {
                    String tenant = tenantOf(caller, target);
                    Http.Response response = call(caller, target, endpoint, tenant);
                    calls++;
                    int expected = expected(caller, target, endpoint);
                    if (response.status() != expected) {
                        mismatches.add(caller + " " + target + " " + endpoint.method() + " " + endpoint.template()
                                + ": expected " + expected + ", got " + response.status() + " " + response.body());
                    }
                    String home = caller.home();
                    if (home != null && response.status() < 300 && endpoint.kind() != Kind.PUBLIC
                            && endpoint.kind() != Kind.PUBLIC_READ) {
                        String foreign = "matrix-" + (home.equals("a") ? "b" : "a");
                        if (response.body().contains(foreign)
                                || response.body().contains(victim[1 - index(home)])
                                || response.body().contains(location[1 - index(home)])
                                || response.body().contains(customer[1 - index(home)])) {
                            mismatches.add(caller + " " + endpoint.template() + " read the other tenant's data: "
                                    + response.body());
                        }
                    }
                }
            }
        }
        assertThat(mismatches).as("of " + calls + " calls").isEmpty();
        Http.Response stillOpen = chains.call("GET", "/api/v1/invitations", chains.token("invitee@matrix.test"), null);
        assertThat(Chains.ids(stillOpen.json())).as("nobody else answered the invitee's invitations")
                .containsExactlyInAnyOrder(invitation);

        for (String tenant : List.of("a", "b")) {
            String other = tenant.equals("a") ? "B-" : "A-";
            String otherDomain = tenant.equals("a") ? "@matrix-b.test" : "@matrix-a.test";
            Tenant stored = directory.bySlug(Slug.of("matrix-" + tenant)).orElseThrow();
            List<String> names = CELLS.column(stored, "select name from location");
            assertThat(names).as("locations of " + tenant).isNotEmpty().noneMatch(name -> name.startsWith(other));
            List<String> emails = CELLS.column(stored, "select email from staff_membership");
            assertThat(emails).as("staff of " + tenant).isNotEmpty().noneMatch(email -> email.endsWith(otherDomain));
            assertThat(CELLS.column(stored, "select status from staff_membership where email like 'victim@%'"))
                    .containsExactly("ACTIVE");
            List<String> services = CELLS.column(stored, "select name from service");
            assertThat(services).as("services of " + tenant).isNotEmpty().noneMatch(name -> name.startsWith(other));
            assertThat(CELLS.column(stored, "select reason from staff_time_off")).as("time off of " + tenant)
                    .isNotEmpty().noneMatch(reason -> reason.startsWith(other));
            assertThat(CELLS.column(stored, "select count(*) from staff_shift")).as("shifts of " + tenant)
                    .containsExactly("2");
            assertThat(CELLS.column(stored, "select reason from location_closure")).as("closures of " + tenant)
                    .isNotEmpty().noneMatch(reason -> reason.startsWith(other));
            assertThat(CELLS.column(stored, "select name from location_holiday")).as("holidays of " + tenant)
                    .isNotEmpty().noneMatch(name -> name.startsWith(other));
            assertThat(CELLS.column(stored, "select name from resource")).as("resources of " + tenant)
                    .isNotEmpty().noneMatch(name -> name.startsWith(other));
            assertThat(CELLS.column(stored, "select body from customer_note")).as("customer notes of " + tenant)
                    .isNotEmpty().noneMatch(body -> body.startsWith(other));
        }
    }

    private Http.Response call(Caller caller, Target target, Endpoint endpoint, String tenant) {
        int i = index(tenant);
        String path = endpoint.template().replace("{slug}", "matrix-" + tenant);
        if (path.equals("/api/v1/bookings") && endpoint.method().equals("GET")) {
            path += "?from=2027-01-04&to=2027-01-10";
        }
        if (path.equals("/api/v1/bookings/working-time")) {
            path += "?from=2027-01-04&to=2027-01-10&locationId=" + location[i];
        }
        if (path.equals("/api/v1/bookings/changes")) {
            // a stream: one second of it
            path += "?seconds=1";
        }
        if (path.equals("/api/v1/customers")) {
            path += "?q=customer";
        }
        if (path.startsWith("/api/v1/reports/")) {
            path = path.replace("{report}", "visits") + "?from=2027-01-01&to=2027-12-31";
        }
        if (path.startsWith("/api/v1/settlements")) {
            path += "?from=2027-01-01&to=2027-12-31";
        }
        if (path.endsWith("/schedule") && endpoint.method().equals("GET")) {
            path += "?locationId=" + location[i];
        }
        if (path.contains("{id}")) {
            path = path.replace("{id}", path.startsWith("/api/v1/invitations")
                    ? invitation[i]
                    : path.startsWith("/api/v1/locations")
                            ? location[i]
                            : path.startsWith("/api/v1/services")
                                    ? service[i]
                                    : path.startsWith("/api/v1/resources")
                                            ? resource[i]
                                            : path.startsWith("/api/v1/customers")
                                                    ? customer[i]
                                                    : path.startsWith("/api/v1/bookings")
                                                            ? UUID.randomUUID().toString()
                                                            : victim[i]);
        }
        String writer = caller.home() == null ? "X" : caller.home().toUpperCase();
        int n = sequence.incrementAndGet();
        path = withDeletable(path, tenant, n);
        String body = switch (endpoint.method() + " " + endpoint.template()) {
            case "POST /api/v1/signup" -> """
                    {"chainName":"Matrix %d","slug":"matrix-new-%d","country":"GB","currency":"GBP",
                     "timezone":"Europe/London","locale":"en-GB",
                     "owner":{"name":"New %d","email":"owner%d@matrix-new.test","password":"a-long-password"}}
                    """.formatted(n, n, n, n);
            case "POST /api/v1/locations" -> Chains.location(writer + "-location-" + n);
            case "POST /api/v1/staff" -> """
                    {"name":"%s-staff-%d","email":"staff%d@matrix-%s.test","role":"STYLIST"}
                    """.formatted(writer, n, n, writer.toLowerCase());
            case "PATCH /api/v1/staff/{id}" -> """
                    {"name":"%s-renamed-%d"}""".formatted(writer, n);
            case "POST /api/v1/services" -> Chains.service(writer + "-service-" + n);
            case "PUT /api/v1/staff/{id}/schedule" -> """
                    {"locationId":"%s","weekly":[{"day":"MONDAY","start":"09:00","end":"17:00"}],
                     "breaks":[{"day":"MONDAY","start":"12:00","end":"12:30"}]}""".formatted(location[i]);
            case "POST /api/v1/staff/{id}/time-off" -> """
                    {"start":"2099-01-04T09:00:00Z","end":"2099-01-05T09:00:00Z","reason":"%s-off-%d"}"""
                    .formatted(writer, n);
            // no such location at either tenant: a caller who may book gets 404
            case "POST /api/v1/bookings", "POST /api/v1/walk-ins" -> """
                    {"locationId":"%s","start":"2099-01-04T10:00:00Z","items":[{"serviceId":"%s"}],
                     "guest":{"name":"%s-guest-%d"}}""".formatted(UUID.randomUUID(), service[i], writer, n);
            case "POST /api/v1/bookings/{id}/payments" -> """
                    {"method":"at-salon","amount":{"amount":30.00,"currency":"GBP"},"tender":"cash"}""";
            case "POST /api/v1/bookings/{id}/refunds" -> """
                    {"amount":{"amount":1.00,"currency":"GBP"},"reason":"matrix"}""";
            case "POST /api/v1/bookings/{id}/reschedule" -> """
                    {"start":"2099-01-04T10:00:00Z"}""";
            case "PUT /api/v1/services/{id}/performers/{staffId}" -> """
                    {"durationMinutes":45}""";
            case "PATCH /api/v1/services/{id}" -> """
                    {"name":"%s-service-renamed-%d"}""".formatted(writer, n);
            case "PATCH /api/v1/locations/{id}" -> """
                    {"name":"%s-location-renamed-%d"}""".formatted(writer, n);
            case "PATCH /api/v1/resources/{id}" -> """
                    {"name":"%s-chair-renamed-%d"}""".formatted(writer, n);
            case "POST /api/v1/resources" -> """
                    {"locationId":"%s","name":"%s-chair-%d","type":"chair"}""".formatted(location[i], writer, n);
            case "POST /api/v1/locations/{id}/closures" -> closure(writer + "-closure-" + n);
            case "PUT /api/v1/locations/{id}/holidays/{date}" -> """
                    {"name":"%s-holiday-%d"}""".formatted(writer, n);
            case "POST /api/v1/staff/{id}/extra-shifts" -> extraShift(location[i], n);
            case "PUT /api/v1/theme", "POST /api/v1/theme/preview", "POST /api/v1/theme/previews" -> """
                    {"brandName":"%s-brand-%d","primaryColour":"#1d3557","accentColour":"#e63946","font":"SYSTEM",
                     "cornerRadius":8,"layout":"CLASSIC","sections":{"services":true,"stylists":true,"locations":true}}
                    """.formatted(writer, n);
            case "POST /api/v1/customers/{id}/notes" -> """
                    {"text":"%s-note-%d"}""".formatted(writer, n);
            case "PUT /api/v1/payment-settings" -> """
                    {"methods":["at-salon"]}""";
            case "PUT /api/v1/booking-policy" -> """
                    {"slotStepMinutes":15,"leadTimeMinutes":120,"horizonDays":180,"holdMinutes":10,
                     "freeCancellationHours":24,"lateCancellationFeePercent":50}""";
            default -> null;
        };
        boolean collection = collection(endpoint);
        List<String> headers = new ArrayList<>();
        if (target == Target.OTHER && collection && endpoint.kind() != Kind.PUBLIC
                && endpoint.kind() != Kind.PUBLIC_READ
                && endpoint.kind() != Kind.PLATFORM && endpoint.kind() != Kind.ACCOUNT) {
            headers.addAll(List.of("X-Tenant", "matrix-" + tenant));
        }
        if (endpoint.creates()) {
            headers.addAll(List.of("Idempotency-Key", "matrix-" + n));
        }
        return chains.call(endpoint.method(), path, tokens.get(caller), body, headers.toArray(String[]::new));
    }

    /**
     * Fills the sub-resource of a DELETE (or of a holiday's date) with one that the tenant's owner has just made, so
     * that a caller who may delete it gets 204 and the tenant's other callers find it there to refuse.
     */
    private String withDeletable(String path, String tenant, int n) {
        int i = index(tenant);
        String owner = tokens.get(tenant.equals("a") ? Caller.OWNER_A : Caller.OWNER_B);
        if (path.contains("{timeOffId}")) {
            return path.replace("{timeOffId}", made(chains.call("POST", "/api/v1/staff/" + victim[i] + "/time-off",
                    owner, """
                            {"start":"2098-01-04T09:00:00Z","end":"2098-01-05T09:00:00Z","reason":"deletable"}""")));
        }
        if (path.contains("{shiftId}")) {
            return path.replace("{shiftId}", made(chains.call("POST", "/api/v1/staff/" + victim[i] + "/extra-shifts",
                    owner, extraShift(location[i], n))));
        }
        if (path.contains("{closureId}")) {
            return path.replace("{closureId}", made(chains.call("POST", "/api/v1/locations/" + location[i]
                    + "/closures", owner, closure("deletable"))));
        }
        if (path.contains("{staffId}")) {
            Http.Response performs = chains.call("PUT", "/api/v1/services/" + service[i] + "/performers/" + victim[i],
                    owner, "{}");
            assertThat(performs.status()).as(performs.body()).isEqualTo(200);
            return path.replace("{staffId}", victim[i]);
        }
        if (path.contains("{date}")) {
            String date = java.time.LocalDate.of(2098, 1, 1).plusDays(n).toString();
            Http.Response holiday = chains.call("PUT", "/api/v1/locations/" + location[i] + "/holidays/" + date, owner,
                    "{\"name\":\"deletable\"}");
            assertThat(holiday.status()).as(holiday.body()).isEqualTo(200);
            return path.replace("{date}", date);
        }
        return path;
    }

    private static String made(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static String closure(String reason) {
        return """
                {"start":"2098-06-01T09:00:00Z","end":"2098-06-01T12:00:00Z","reason":"%s"}""".formatted(reason);
    }

    /** A different date for every call, so extra shifts of one person never overlap. */
    private static String extraShift(String location, int n) {
        return """
                {"locationId":"%s","date":"%s","start":"10:00","end":"14:00"}""".formatted(location,
                java.time.LocalDate.of(2098, 1, 1).plusDays(n));
    }

    /** The tenant a request of {@code caller} aims at: its own or the other one; A and B for callers with none. */
    private static String tenantOf(Caller caller, Target target) {
        String home = caller.home() == null ? "a" : caller.home();
        return target == Target.OWN ? home : home.equals("a") ? "b" : "a";
    }

    static int expected(Caller caller, Target target, Endpoint endpoint) {
        if (endpoint.kind() == Kind.PUBLIC) {
            return 201;
        }
        if (endpoint.kind() == Kind.PUBLIC_READ) {
            return 200;
        }
        if (caller == Caller.ANONYMOUS) {
            return 401;
        }
        if (endpoint.kind() == Kind.PLATFORM) {
            return caller == Caller.PLATFORM_ADMIN ? 200 : 403;
        }
        if (endpoint.kind() == Kind.ACCOUNT) {
            return endpoint.method().equals("GET") ? 200 : 404;
        }
        if (caller.home() == null) {
            return 403;
        }
        boolean allowed = endpoint.kind() == Kind.STAFF_READ || endpoint.kind() == Kind.STAFF_ACTION
                || caller != Caller.STYLIST_A;
        if (target == Target.OTHER) {
            boolean collection = collection(endpoint);
            return collection || !allowed ? 403 : 404;
        }
        if (!allowed) {
            return 403;
        }
        if (endpoint.missing()) {
            return 404;
        }
        return endpoint.creates() ? 201 : endpoint.method().equals("DELETE") ? 204 : 200;
    }

    /** Whether the endpoint answers about the tenant as a whole (a report names a kind, not one of its records). */
    private static boolean collection(Endpoint endpoint) {
        return !endpoint.template().contains("{") || endpoint.template().startsWith("/api/v1/reports/");
    }

    private static int index(String tenant) {
        return tenant.equals("a") ? 0 : 1;
    }
}
