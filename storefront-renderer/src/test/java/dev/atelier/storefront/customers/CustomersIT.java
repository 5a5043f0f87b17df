package dev.atelier.storefront.customers;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.identity.Account;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.onboarding.TenantSignup;
import dev.atelier.platform.staff.NewStaffMember;
import dev.atelier.platform.staff.StaffAdministration;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.storefront.StorefrontApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Customers on storefronts against real Keycloak and PostgreSQL: registering by email or phone makes one platform
 * account; each chain a customer visits keeps its own profile of them and no other chain sees it; the customer
 * endpoints need a valid token. Every storefront endpoint is in the access matrix.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomersIT {

    static final TestCells CELLS = TestCells.create("customers");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final String PASSWORD = "a-long-password";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantSignup signup;

    @Autowired
    StaffAdministration staff;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Http http;
    Tenant shopA;
    Tenant shopB;

    @BeforeAll
    void shops() {
        http = new Http(port);
        shopA = signup.signUp(Tenants.london("shop-a"), new Account("owner@shop-a.test", "Owner A", PASSWORD));
        shopB = signup.signUp(Tenants.shanghai("shop-b"), new Account("owner@shop-b.test", "Owner B", PASSWORD));
        TenantContext.asTenant(shopA, () -> staff.add(StaffRole.OWNER,
                new NewStaffMember("Stylist A", "stylist@shop-a.test", StaffRole.STYLIST, Set.of(), PASSWORD)));
    }

    @Test
    void aCustomerRegistersOnceAndEachChainKeepsItsOwnProfile() throws Exception {
        Http.Response registered = register("shop-a", """
                {"name":"Ada Lovelace","email":"Ada@Customers.test","password":"%s"}""".formatted(PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String customerId = registered.json().get("customerId").asString();

        String token = token("ada@customers.test");
        Http.Response atA = me("shop-a", token);
        assertThat(atA.status()).isEqualTo(200);
        assertThat(atA.json().get("customerId").asString()).isEqualTo(customerId);
        assertThat(atA.json().get("email").asString()).isEqualTo("ada@customers.test");

        Http.Response atB = me("shop-b", token);
        assertThat(atB.status()).isEqualTo(200);
        assertThat(atB.json().get("customerId").asString()).isNotEqualTo(customerId);
        assertThat(me("shop-b", token).json().get("customerId").asString())
                .isEqualTo(atB.json().get("customerId").asString());

        assertThat(CELLS.column(shopA, "select id::text from customer where email = 'ada@customers.test'"))
                .containsExactly(customerId);
        assertThat(CELLS.column(shopB, "select id::text from customer where email = 'ada@customers.test'"))
                .containsExactly(atB.json().get("customerId").asString());
    }

    @Test
    void aCustomerMayRegisterWithAPhoneNumberAndSignInWithIt() {
        Http.Response registered = register("shop-b", """
                {"name":"Wang Fang","phone":"+8613800138000","password":"%s"}""".formatted(PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        Http.Response atB = me("shop-b", token("+8613800138000"));
        assertThat(atB.status()).isEqualTo(200);
        assertThat(atB.json().get("customerId").asString())
                .isEqualTo(registered.json().get("customerId").asString());
        assertThat(atB.json().get("phone").asString()).isEqualTo("+8613800138000");

        assertProblem(register("shop-a", """
                {"name":"Someone Else","phone":"+8613800138000","password":"%s"}""".formatted(PASSWORD)), 409,
                "account-exists");
    }

    @Test
    void aNameTheIdentityServerRefusesIs400NamingTheFieldAndMakesNoAccount() {
        Http.Response refused = register("shop-a", """
                {"name":"Cx <b>X</b>","email":"refused-name@customers.test","password":"%s"}""".formatted(PASSWORD));
        JsonNode problem = assertProblem(refused, 400, "validation");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).containsExactly("name");
        assertThat(KEYCLOAK.adminClient().realm("atelier").users().searchByEmail("refused-name@customers.test", true))
                .isEmpty();
    }

    @Test
    void anEmailAlreadyRegisteredIs409() {
        assertThat(register("shop-a", """
                {"name":"Twice","email":"twice@customers.test","password":"%s"}""".formatted(PASSWORD)).status())
                .isEqualTo(201);
        assertProblem(register("shop-b", """
                {"name":"Twice Again","email":"twice@customers.test","password":"%s"}""".formatted(PASSWORD)),
                409, "account-exists");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"No Contact\",\"password\":\"a-long-password\"}",
            "{\"name\":\"Bad Phone\",\"phone\":\"13800138000\",\"password\":\"a-long-password\"}",
            "{\"name\":\"Bad Email\",\"email\":\"not-an-email\",\"password\":\"a-long-password\"}",
            "{\"name\":\"Short\",\"email\":\"short@customers.test\",\"password\":\"short\"}",
            "{\"name\":\"\",\"email\":\"blank@customers.test\",\"password\":\"a-long-password\"}",
            "{\"email\":\"nameless@customers.test\",\"password\":\"a-long-password\"}",
            "{\"name\":\"No Password\",\"email\":\"nopass@customers.test\"}", "{\"name\": [1, 2]}", "{", "[]",
            "null"})
    void badRegistrationsAre400AndCreateNoAccount(String json) {
        Http.Response response = register("shop-a", json);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(KEYCLOAK.adminClient().realm("atelier").users().search("customers.test", 0, 100).stream()
                .map(user -> user.getEmail()))
                .doesNotContain("short@customers.test", "blank@customers.test", "nameless@customers.test",
                        "nopass@customers.test");
    }

    @Test
    void theStorefrontAccessMatrixCoversEveryEndpoint() throws Exception {
        Set<String> served = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> info
                .getMethodsCondition().getMethods().forEach(method -> served.add(method.name() + " " + pattern))));
        // health and the OpenAPI description on the app's port are public and checked by OperationalEndpointsIT
        served.removeIf(endpoint -> endpoint.endsWith(" /error") || endpoint.startsWith("GET /actuator/health")
                || endpoint.startsWith("GET /v3/api-docs"));
        assertThat(served).containsExactly("GET /", "GET /api/v1/availability", "GET /api/v1/catalog", "GET /api/v1/me",
                "GET /api/v1/me/bookings", "GET /api/v1/me/bookings/{id}", "GET /api/v1/me/bookings/{id}/payments",
                "GET /api/v1/me/bookings/{id}/payments/{paymentId}", "GET /api/v1/me/preferences", "GET /book",
                "GET /book/confirm",
                "GET /book/stylist", "GET /book/time", "GET /locations/{id}", "GET /my/bookings",
                "GET /my/bookings/{id}", "GET /my/bookings/{id}/calendar.ics", "GET /my/bookings/{id}/paid",
                "GET /my/bookings/{id}/pay", "GET /my/bookings/{id}/pay/wechat",
                "GET /my/bookings/{id}/payments/{paymentId}/scan", "GET /my/bookings/{id}/payments/{paymentId}/wechat",
                "GET /my/bookings/{id}/receipt", "GET /my/bookings/{id}/reschedule", "GET /my/preferences",
                "GET /robots.txt", "GET /sitemap.xml",
                "POST /api/v1/bookings", "POST /api/v1/customers", "POST /api/v1/holds",
                "POST /api/v1/me/bookings/{id}/cancel", "POST /api/v1/me/bookings/{id}/confirm",
                "POST /api/v1/me/bookings/{id}/payments", "POST /api/v1/me/bookings/{id}/reschedule",
                "POST /book/confirm", "POST /my/bookings/{id}/cancel", "POST /my/bookings/{id}/pay",
                "POST /my/bookings/{id}/reschedule", "POST /my/preferences",
                "POST /webhooks/{provider}", "PUT /api/v1/me/preferences");

        assertThat(register("shop-a", """
                {"name":"Matrix","email":"matrix@customers.test","password":"%s"}""".formatted(PASSWORD)).status())
                .isEqualTo(201);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("customer", token("matrix@customers.test"));
        callers.put("stylist of A", token("stylist@shop-a.test"));
        callers.put("owner of A", token("owner@shop-a.test"));
        callers.put("owner of B", token("owner@shop-b.test"));
        callers.put("platform admin", KEYCLOAK.accessToken("atelier", "atelier-dev", "admin@atelier.test",
                "atelier-admin", "openid"));
        callers.put("forged", "forged." + callers.get("customer").split("\\.")[1] + ".x");
        List<String> mismatches = new ArrayList<>();
        int registration = 0;
        for (String host : List.of("shop-a", "shop-b")) {
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                String who = caller.getKey() + " at " + host + ": ";
                String[] auth = caller.getValue() == null
                        ? new String[0]
                        : new String[]{"Authorization", "Bearer " + caller.getValue()};
                boolean signedIn = caller.getValue() != null && !caller.getKey().equals("forged");
                expect(mismatches, http.send("GET", host + ".localhost", "/api/v1/catalog", null, auth),
                        caller.getKey().equals("forged") ? 401 : 200, who + "GET /api/v1/catalog");
                // pages go by the browser session only: a bearer token, good or forged, neither opens nor closes them
                for (String page : List.of("/", "/robots.txt", "/sitemap.xml", "/book")) {
                    expect(mismatches, http.send("GET", host + ".localhost", page, null, auth), 200,
                            who + "GET " + page);
                }
                String someone = java.util.UUID.randomUUID().toString();
                for (String page : List.of("/my/bookings", "/my/preferences", "/my/bookings/" + someone,
                        "/my/bookings/" + someone
                                + "/calendar.ics",
                        "/my/bookings/" + someone + "/reschedule",
                        "/my/bookings/" + someone
                                + "/pay",
                        "/my/bookings/" + someone + "/paid", "/my/bookings/" + someone + "/receipt",
                        "/my/bookings/" + someone + "/payments/" + someone + "/scan",
                        "/my/bookings/" + someone + "/payments/" + someone + "/wechat",
                        "/my/bookings/" + someone + "/pay/wechat?key=" + someone + "&code=c&state=s",
                        "/book/confirm?location="
                                + someone + "&service=" + someone + "&staff=" + someone
                                + "&start=2027-01-04T10:00:00Z")) {
                    Http.Response response = http.send("GET", host + ".localhost", page, null, auth);
                    expect(mismatches, response, 302, who + "GET " + page);
                    if (response.status() == 302 && !String.valueOf(response.header("Location")).endsWith("/sign-in")) {
                        mismatches.add(who + "GET " + page + " sent to " + response.header("Location"));
                    }
                }
                for (String form : List.of("/book/confirm", "/my/preferences", "/my/bookings/" + someone + "/cancel",
                        "/my/bookings/" + someone + "/reschedule", "/my/bookings/" + someone + "/pay")) {
                    expect(mismatches, http.send("POST", host + ".localhost", form, "", auth), 403,
                            who + "POST " + form + " (no session, no CSRF token)");
                }
                expect(mismatches, http.send("GET", host + ".localhost", "/api/v1/availability?locationId="
                        + java.util.UUID.randomUUID() + "&serviceId=" + java.util.UUID.randomUUID()
                        + "&from=2027-01-04&to=2027-01-04", null, auth), caller.getKey().equals("forged") ? 401 : 404,
                        who + "GET /api/v1/availability (another chain's or no location)");
                expect(mismatches, http.send("GET", host + ".localhost", "/api/v1/me/bookings", null, auth),
                        signedIn ? 200 : 401, who + "GET /api/v1/me/bookings");
                String[] keyed = java.util.stream.Stream.concat(java.util.Arrays.stream(auth),
                        java.util.stream.Stream.of("Idempotency-Key", "matrix-" + registration)).toArray(String[]::new);
                for (String path : List.of("/api/v1/bookings", "/api/v1/holds")) {
                    expect(mismatches, http.send("POST", host + ".localhost", path, """
                            {"locationId":"%s","start":"2027-01-04T10:00:00Z","items":[{"serviceId":"%s"}]}"""
                            .formatted(java.util.UUID.randomUUID(), java.util.UUID.randomUUID()), keyed),
                            signedIn ? 404 : 401, who + "POST " + path + " (no such location here)");
                }
                expect(mismatches, http.send("GET", host + ".localhost", "/api/v1/me/bookings/"
                        + java.util.UUID.randomUUID(), null, auth), signedIn ? 404 : 401,
                        who + "GET /api/v1/me/bookings/{id}");
                for (String action : List.of("cancel", "reschedule", "confirm")) {
                    expect(mismatches, http.send("POST", host + ".localhost", "/api/v1/me/bookings/"
                            + java.util.UUID.randomUUID() + "/" + action, "{\"start\":\"2027-01-04T10:00:00Z\"}",
                            auth), signedIn ? 404 : 401, who + "POST /api/v1/me/bookings/{id}/" + action);
                }
                String booking = java.util.UUID.randomUUID().toString();
                expect(mismatches, http.send("POST", host + ".localhost", "/api/v1/me/bookings/" + booking
                        + "/payments", "{\"method\":\"card\"}", keyed), signedIn ? 404 : 401,
                        who + "POST /api/v1/me/bookings/{id}/payments");
                for (String path : List.of("/payments", "/payments/" + java.util.UUID.randomUUID())) {
                    expect(mismatches, http.send("GET", host + ".localhost", "/api/v1/me/bookings/" + booking + path,
                            null, auth), signedIn ? 404 : 401, who + "GET /api/v1/me/bookings/{id}" + path);
                }
                // providers' notices come to the platform's own host only; on a chain's host there is nothing
                expect(mismatches, http.send("POST", host + ".localhost", "/webhooks/stripe", "{}", auth),
                        caller.getKey().equals("forged") ? 401 : 404, who + "POST /webhooks/stripe");
                expect(mismatches, http.send("GET", host + ".localhost", "/api/v1/me", null, auth),
                        signedIn ? 200 : 401, who + "GET /api/v1/me");
                expect(mismatches, http.send("GET", host + ".localhost", "/api/v1/me/preferences", null, auth),
                        signedIn ? 200 : 401, who + "GET /api/v1/me/preferences");
                expect(mismatches, http.send("PUT", host + ".localhost", "/api/v1/me/preferences", """
                        {"channels":["email"],"marketing":false}""", auth), signedIn ? 200 : 401,
                        who + "PUT /api/v1/me/preferences");
                String email = "matrix-" + host + "-" + (++registration) + "@customers.test";
                expect(mismatches, http.send("POST", host + ".localhost", "/api/v1/customers", """
                        {"name":"Matrix","email":"%s","password":"%s"}""".formatted(email, PASSWORD), auth),
                        caller.getKey().equals("forged") ? 401 : 201, who + "POST /api/v1/customers");
            }
        }
        expect(mismatches, me("nobody-here", callers.get("customer")), 404, "customer me at an unknown host");
        // what each chain's schema holds came through that chain's host only
        assertThat(CELLS.column(shopA, "select email from customer where email like 'matrix-%'"))
                .isNotEmpty().allMatch(email -> email.startsWith("matrix-shop-a-"));
        assertThat(CELLS.column(shopB, "select email from customer where email like 'matrix-%'"))
                .isNotEmpty().allMatch(email -> email.startsWith("matrix-shop-b-"));
        for (String staffMember : List.of("stylist@shop-a.test", "owner@shop-a.test", "owner@shop-b.test")) {
            assertThat(CELLS.column(shopA, "select count(*)::text from customer where email = '" + staffMember + "'"))
                    .as(staffMember + " visited A once").containsExactly("1");
            assertThat(CELLS.column(shopB, "select count(*)::text from customer where email = '" + staffMember + "'"))
                    .as(staffMember + " visited B once").containsExactly("1");
        }
        assertThat(mismatches).isEmpty();
    }

    private static void expect(List<String> mismatches, Http.Response response, int status, String what) {
        if (response.status() != status) {
            mismatches.add(what + ": expected " + status + ", got " + response.status() + " " + response.body());
        }
    }

    private Http.Response register(String slug, String json) {
        return http.post(slug + ".localhost", "/api/v1/customers", json);
    }

    private Http.Response me(String slug, String token) {
        return token == null
                ? http.get(slug + ".localhost", "/api/v1/me")
                : http.send("GET", slug + ".localhost", "/api/v1/me", null, "Authorization", "Bearer " + token);
    }

    private static String token(String username) {
        return KEYCLOAK.accessToken("atelier", "atelier-dev", username, PASSWORD, "openid");
    }
}
