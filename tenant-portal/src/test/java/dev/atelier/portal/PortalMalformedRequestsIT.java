package dev.atelier.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.booking.BookingRequest;
import dev.atelier.platform.booking.Bookings;
import dev.atelier.platform.customers.Customer;
import dev.atelier.platform.customers.CustomerProfiles;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A seeded generator sends thousands of malformed requests, as a chain's owner, to every portal endpoint that reads
 * or writes the chain's data: broken JSON, wrong types, huge and negative numbers, unknown and other chains' ids,
 * impossible dates, times and zones, empty bodies, missing fields and overlong strings. None may be answered 5xx,
 * and every refusal is problem+json with a type and a status. The seed is printed; {@code -Dfuzz.seed=N} replays a
 * run.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortalMalformedRequestsIT {

    static final TestCells CELLS = TestCells.create("portalfuzz");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final int REQUESTS = 2_400;
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        // as the local stack runs: merchant credentials the fuzz gets right are sealed with the local key
        registry.add("atelier.web.local-mode", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory directory;

    @Autowired
    CustomerProfiles profiles;

    @Autowired
    Bookings bookings;

    /** Ids by kind: the chain's own (several of each kind) and the other chain's. */
    final Map<String, List<String>> own = new LinkedHashMap<>();
    final Map<String, List<String>> foreign = new LinkedHashMap<>();

    /** One portal endpoint: how to make a path (with query) and a body for it; {@code keyed} wants an Idempotency-Key. */
    record Endpoint(String method, Function<Random, String> path, Function<Random, String> body, boolean keyed) {
        Endpoint(String method, Function<Random, String> path, Function<Random, String> body) {
            this(method, path, body, false);
        }
    }

    @Test
    void noMalformedRequestGetsAServerErrorAndEveryRefusalIsAProblem() {
        Chains chains = new Chains(new Http(port), KEYCLOAK);
        String owner = chains.token(chains.signUp("portal-fuzz"));
        seed(chains, owner, own, "fuzz");
        bookingFor();
        String otherOwner = chains.token(chains.signUp("portal-fuzz-other"));
        seed(chains, otherOwner, foreign, "other");
        Tenant other = directory.bySlug(Slug.of("portal-fuzz-other")).orElseThrow();
        foreign.put("customer", List.of(TenantContext.asTenant(other, () -> profiles.profileOf(new Caller(
                "fuzz-customer", "ada@portal-fuzz.test", null, "Ada", Set.of(), Set.of(Caller.CUSTOMER))).id()
                .toString())));

        long seed = Long.getLong("fuzz.seed", 20_261_126L);
        System.out.println("PortalMalformedRequestsIT seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Endpoint> endpoints = endpoints();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
            wild = new double[]{0.03, 0.1, 0.3, 1.0}[random.nextInt(4)];
            String method = random.nextInt(40) == 0
                    ? pick(random, "DELETE", "PUT", "PATCH", "POST")
                    : endpoint.method();
            String path = endpoint.path().apply(random);
            String body = endpoint.body() == null
                    ? (broken(random) ? garbage(random) : null)
                    : endpoint.body().apply(random);
            Http.Response response;
            try {
                response = chains.call(method, path, owner, body, endpoint.keyed()
                        ? idempotencyKey(random)
                        : new String[0]);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the client refused to send it (an invalid URI): not a request the portal saw
                continue;
            }
            sent++;
            statuses.merge(endpoint.method() + " " + response.status(), 1, Integer::sum);
            if (response.status() >= 500 || (response.status() >= 400 && !isProblem(response))) {
                failures.add(method + " " + path + " " + abbreviated(body) + " → " + response.status() + " "
                        + abbreviated(response.body()));
            }
        }
        System.out.println("PortalMalformedRequestsIT answers by method and status: " + statuses);
        assertThat(sent).as("requests the portal answered").isGreaterThanOrEqualTo(2_000);
        assertThat(failures).as("of " + sent + " malformed requests (seed " + seed + ")").isEmpty();
    }

    @Test
    void whatTheServletContainerRefusesItselfIsAProblemToo() {
        Http http = new Http(port);
        for (String path : List.of("/api/v1/payments%2F..%2Fetc", "/api/v1/locations/%2e%2e%2f")) {
            Http.Response refused = http.send("GET", "localhost", path, null);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(isProblem(refused)).as(path + " " + refused.body()).isTrue();
            assertThat(refused.body()).doesNotContain("Tomcat", "<html");
        }
        Http.Response asked = http.send("GET", "localhost", "/%2F", null, "Accept", "application/json");
        assertThat(asked.status()).isEqualTo(400);
        assertThat(isProblem(asked)).as("asked for as JSON").isTrue();
        Http.Response page = http.send("GET", "localhost", "/%2F", null, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).as("a page, saying nothing of the server").contains("400").doesNotContain("Tomcat");
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(new Endpoint("GET", r -> "/api/v1/locations", null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/locations/" + id(r, "location"), null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/locations", this::location));
        endpoints.add(new Endpoint("PATCH", r -> "/api/v1/locations/" + id(r, "location"), this::location));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/locations/" + id(r, "location") + "/closures", null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/locations/" + id(r, "location") + "/closures",
                this::span));
        endpoints.add(new Endpoint("DELETE", r -> "/api/v1/locations/" + id(r, "location") + "/closures/"
                + id(r, "closure"), null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/locations/" + id(r, "location") + "/holidays"
                + query(r, "year", value(r, "2027", "1999", "99999", "-1", "soon", "", "2147483648")), null));
        endpoints.add(new Endpoint("PUT", r -> "/api/v1/locations/" + id(r, "location") + "/holidays/" + date(r),
                r -> r.nextInt(4) == 0 ? null : object(r, Map.of("name", text(r)))));
        endpoints.add(new Endpoint("DELETE", r -> "/api/v1/locations/" + id(r, "location") + "/holidays/" + date(r),
                null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/services", null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/services/" + id(r, "service"), null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/services", this::service));
        endpoints.add(new Endpoint("PATCH", r -> "/api/v1/services/" + id(r, "service"), this::service));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/services/" + id(r, "service") + "/performers", null));
        endpoints.add(new Endpoint("PUT", r -> "/api/v1/services/" + id(r, "service") + "/performers/" + id(r, "staff"),
                r -> broken(r)
                        ? garbage(r)
                        : object(r, Map.of("durationMinutes", number(r, "45"), "price",
                                value(r, object(r, Map.of("amount", number(r, "40.00"), "currency",
                                        value(r, "\"GBP\"", "\"CNY\"", "\"\"", "7"))), "null", "7", "[]")))));
        endpoints.add(new Endpoint("DELETE", r -> "/api/v1/services/" + id(r, "service") + "/performers/"
                + id(r, "staff"), null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/staff", null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/staff/" + id(r, "staff"), null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/staff", this::staff));
        endpoints.add(new Endpoint("PATCH", r -> "/api/v1/staff/" + id(r, "staff"), this::staff));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/staff/" + id(r, "staff") + "/"
                + pick(r, "disable", "enable"), null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/staff/" + id(r, "staff") + "/schedule"
                + query(r, "locationId", id(r, "location")), null));
        endpoints.add(new Endpoint("PUT", r -> "/api/v1/staff/" + id(r, "staff") + "/schedule", this::schedule));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/staff/" + id(r, "staff") + "/time-off"
                + query(r, "from", instant(r, Instant.now()).replace("\"", ""))
                + query(r, "to", instant(r, Instant.now().plusSeconds(86_400)).replace("\"", "")).replace('?', '&'),
                null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/staff/" + id(r, "staff") + "/time-off", this::span));
        endpoints.add(new Endpoint("DELETE", r -> "/api/v1/staff/" + id(r, "staff") + "/time-off/"
                + id(r, "timeOff"), null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/staff/" + id(r, "staff") + "/extra-shifts"
                + query(r, "from", date(r)) + query(r, "to", date(r)).replace('?', '&'), null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/staff/" + id(r, "staff") + "/extra-shifts",
                this::extraShift));
        endpoints.add(new Endpoint("DELETE", r -> "/api/v1/staff/" + id(r, "staff") + "/extra-shifts/"
                + id(r, "extraShift"), null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/resources" + query(r, "locationId", id(r, "location")),
                null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/resources", this::resource));
        endpoints.add(new Endpoint("PATCH", r -> "/api/v1/resources/" + id(r, "resource"), this::resource));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/theme", null));
        endpoints.add(new Endpoint("PUT", r -> "/api/v1/theme", this::theme));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/theme/preview", this::theme));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/theme/previews", this::theme));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/booking-policy", null));
        endpoints.add(new Endpoint("PUT", r -> "/api/v1/booking-policy", this::policy));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/payment-settings", null));
        endpoints.add(new Endpoint("PUT", r -> "/api/v1/payment-settings", this::paymentSettings));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/bookings?from=" + encoded(date(r)) + "&to=" + encoded(date(r))
                + query(r, "locationId", id(r, "location")).replace('?', '&')
                + query(r, "staffId", id(r, "staff")).replace('?', '&'), null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/bookings/" + id(r, "booking") + "/"
                + pick(r, "check-in", "complete", "no-show"), null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/bookings", r -> booking(r, true), true));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/walk-ins", r -> booking(r, false), true));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/bookings/" + id(r, "booking") + "/cancel", r -> broken(r)
                ? garbage(r)
                : object(r, Map.of("chargeFee", bool(r), "reason", text(r)))));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/bookings/" + id(r, "booking") + "/reschedule", r -> broken(r)
                ? garbage(r)
                : object(r, Map.of("start", instant(r, Instant.now().plusSeconds(86_400L * (1 + r.nextInt(60)))),
                        "staffIds", list(r, () -> quotedId(r, "staff"))))));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/bookings/" + id(r, "booking") + "/payments", null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/bookings/" + id(r, "booking") + "/refunds", r -> broken(r)
                ? garbage(r)
                : object(r, Map.of("amount", value(r, object(r, Map.of("amount", number(r, "5.00"), "currency",
                        value(r, "\"GBP\"", "\"EUR\"", "\"gbp\"", "\"XXX\"", "12"))), "-1", "\"5\""), "reason",
                        text(r))),
                true));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/bookings/" + id(r, "booking") + "/payments", r -> broken(r)
                ? garbage(r)
                : object(r, Map.of("method", value(r, "\"at-salon\"", "\"card\"", "\"\"", "7"), "amount",
                        value(r, object(r, Map.of("amount", number(r, "30.00"), "currency", value(r, "\"GBP\"",
                                "\"CNY\"", "\"gbp\""))), "-1", "\"x\""),
                        "tender",
                        value(r, "\"cash\"", "\"card-terminal\"", "\"cheque\"", "null"))),
                true));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/payments" + query(r, "from", date(r))
                + query(r, "to", date(r)).replace('?', '&')
                + query(r, "locationId", id(r, "location")).replace('?', '&')
                + query(r, "method",
                        value(r, pick(r, "card", "alipay", "wechatpay", "at-salon"), "bitcoin", "CARD", ""))
                        .replace('?', '&')
                + query(r, "status", value(r, pick(r, "SUCCEEDED", "REFUNDED", "PENDING"), "paid", "succeeded", "7"))
                        .replace('?', '&')
                + query(r, "page", number(r, "0")).replace('?', '&') + query(r, "size", number(r, "50"))
                        .replace('?', '&'),
                null));
        endpoints.add(new Endpoint("GET", r -> pick(r, "/api/v1/settlements", "/api/v1/settlements.csv")
                + query(r, "from", date(r)) + query(r, "to", date(r)).replace('?', '&')
                + query(r, "locationId", id(r, "location")).replace('?', '&'), null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/reports/" + value(r, pick(r, "revenue", "utilisation",
                "attendance", "rebooking", "customers", "top-services", "staff", "visits"), "gossip", "REVENUE", "..",
                "%2e%2e", "revenue%00", "x".repeat(300)) + pick(r, "", "", ".csv") + query(r, "from", date(r))
                + query(r, "to", date(r)).replace('?', '&') + query(r, "locationId", id(r, "location"))
                        .replace('?', '&'),
                null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/bookings/working-time" + query(r, "from", date(r))
                + query(r, "to", date(r)).replace('?', '&') + query(r, "locationId", id(r, "location"))
                        .replace('?', '&'),
                null));
        // a stream, so always a short one (left out, it would last its default of 55 s)
        endpoints.add(new Endpoint("GET", r -> "/api/v1/bookings/changes?seconds=" + encoded(value(r, "1", "0", "-1",
                "301", "", "x", "1.5", "99999999999", "１")), null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/customers" + query(r, "q", value(r, pick(r, "ada", "ADA",
                "portal-fuzz", "+44 20", "漢"), "", "   ", "%", "_\\", "x".repeat(101 + r.nextInt(5_000)), "a\u0000b",
                "\ud800", "<script>", "'; drop table customer; --")), null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/customers/" + id(r, "customer"), null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/notifications?limit=" + encoded(value(r, "1", "50", "200",
                "0", "-1", "201", "x", "1.5", "99999999999", "")) + "&bookingId=" + encoded(
                        value(r,
                                UUID.randomUUID().toString(), "", "not-an-id", "1", "%00")),
                null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/customers/" + id(r, "customer") + "/notes", r -> broken(r)
                ? garbage(r)
                : object(r, Map.of("text", text(r))), true));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/me", null));
        endpoints.add(new Endpoint("GET", r -> "/api/v1/invitations", null));
        endpoints.add(new Endpoint("POST", r -> "/api/v1/invitations/" + id(r, "invitation") + "/"
                + pick(r, "accept", "decline"), r -> broken(r) ? garbage(r) : null));
        return endpoints;
    }

    /** An Idempotency-Key header: usually fine, sometimes empty, spaced, overlong or missing. */
    private static String[] idempotencyKey(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> new String[0];
            case 1 -> new String[]{"Idempotency-Key", "with spaces"};
            case 2 -> new String[]{"Idempotency-Key", "k".repeat(201)};
            default -> new String[]{"Idempotency-Key", "fuzz-" + r.nextInt(50)};
        };
    }

    /** A front-desk booking ({@code withStart}) or a walk-in. */
    private String booking(Random r, boolean withStart) {
        if (broken(r)) {
            return garbage(r);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("locationId", quotedId(r, "location"));
        if (withStart) {
            fields.put("start", instant(r, Instant.now().plusSeconds(86_400L * (1 + r.nextInt(60)))));
        }
        fields.put("items", list(r, () -> object(r, Map.of("serviceId", quotedId(r, "service"), "staffId",
                quotedId(r, "staff")))));
        if (r.nextBoolean()) {
            fields.put("guest", value(r, object(r, Map.of("name", text(r), "phone", text(r))), "null", "\"x\"", "[]"));
        } else {
            fields.put("customerId", value(r, "\"" + java.util.UUID.randomUUID() + "\"", "\"not-a-uuid\"", "7"));
        }
        fields.put("note", text(r));
        return object(r, fields);
    }

    // ---- bodies -------------------------------------------------------------------------------------------------

    private String location(Random r) {
        if (broken(r)) {
            return garbage(r);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", text(r));
        fields.put("address", value(r, object(r, Map.of("line1", text(r), "city", text(r), "region", text(r),
                "postalCode", text(r), "country", value(r, "\"GB\"", "\"gb\"", "\"GBR\"", "1", "\"\""))),
                "null", "7", "\"x\"", "[]", "{}", "true"));
        fields.put("latitude", number(r, "51.5"));
        fields.put("longitude", number(r, "-0.14"));
        fields.put("timezone", value(r, "\"Europe/London\"", "\"Mars/Olympus\"", "\"\"", "\"UTC+25\"", "\"+99:00\"",
                "\"GMT+3\"", "\"SystemV/EST5\"", "\"../../etc/passwd\"", "3", "\"" + "Z".repeat(70) + "\"",
                "\"Asia/Shanghai\"", "\"Z\"", "\"+14:00\""));
        fields.put("phone", value(r, "\"+44 20 7946 0000\"", "\"call me\"", "44", "\"" + "1".repeat(40) + "\""));
        fields.put("openingHours", list(r, () -> object(r, Map.of("day", day(r), "opens", time(r, "09:00"),
                "closes", time(r, "18:00")))));
        return object(r, fields);
    }

    private String service(Random r) {
        if (broken(r)) {
            return garbage(r);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", text(r));
        fields.put("category", text(r));
        fields.put("description", text(r));
        fields.put("durationMinutes", number(r, "30"));
        fields.put("processingOffsetMinutes", number(r, "10"));
        fields.put("processingMinutes", number(r, "10"));
        fields.put("bufferBeforeMinutes", number(r, "5"));
        fields.put("bufferAfterMinutes", number(r, "5"));
        fields.put("price", value(r, object(r, Map.of("amount", number(r, "25.00"), "currency",
                value(r, "\"GBP\"", "\"CNY\"", "\"gbp\"", "\"\"", "7"))), "null", "7", "\"x\"", "[]", "{}"));
        fields.put("deposit", value(r, object(r, Map.of("type", value(r, pick(r, "\"NONE\"", "\"FIXED\"",
                "\"PERCENT\"", "\"FULL\""), "\"SOME\"", "\"\"", "7", "null"), "amount", object(r,
                        Map.of("amount",
                                number(r, "5.00"), "currency", value(r, "\"GBP\"", "\"JPY\"", "\"\""))),
                "percent",
                number(r, "30"))), "null", "7", "\"x\"", "[]", "{}"));
        fields.put("onlineBookable", bool(r));
        fields.put("active", bool(r));
        fields.put("leadTimeMinutes", number(r, "60"));
        fields.put("horizonDays", number(r, "30"));
        fields.put("slotStepMinutes", number(r, "30"));
        fields.put("resourceTypes", list(r, () -> value(r, "\"basin\"", "\"Big Basin\"", "\"\"", "1", "null")));
        fields.put("staffIds", list(r, () -> quotedId(r, "staff")));
        return object(r, fields);
    }

    private String staff(Random r) {
        if (broken(r)) {
            return garbage(r);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", r.nextBoolean() ? personName(r) : text(r));
        fields.put("email", value(r, "\"new" + r.nextInt(5) + "@portal-fuzz.test\"", "\"not-an-email\"", "\"\"", "42",
                "\"x@\"", "\"@x.test\"", "\"" + "a".repeat(300) + "@fuzz.test\"", "\"a@b\"",
                "\"" + "a".repeat(64) + "@" + "b".repeat(63) + ".test\""));
        fields.put("role", value(r, "\"STYLIST\"", "\"RECEPTIONIST\"", "\"KING\"", "\"stylist\"", "1", "\"OWNER\"",
                "\"MANAGER\""));
        fields.put("locationIds", list(r, () -> quotedId(r, "location")));
        fields.put("serviceIds", list(r, () -> quotedId(r, "service")));
        fields.put("password", value(r, "\"a-long-password\"", "\"short\"", "123", "\"" + "p".repeat(200) + "\""));
        return object(r, fields);
    }

    private String schedule(Random r) {
        if (broken(r)) {
            return garbage(r);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("locationId", quotedId(r, "location"));
        fields.put("weekly", list(r, () -> object(r, Map.of("day", day(r), "start", time(r, "09:00"), "end",
                time(r, "17:00")))));
        fields.put("breaks", list(r, () -> object(r, Map.of("day", day(r), "start", time(r, "12:00"), "end",
                time(r, "12:30")))));
        fields.put("validFrom", "\"" + date(r) + "\"");
        fields.put("validUntil", "\"" + date(r) + "\"");
        return object(r, fields);
    }

    /** Time off or a closure. */
    private String span(Random r) {
        if (broken(r)) {
            return garbage(r);
        }
        Instant start = Instant.now().plusSeconds(86_400L * (1 + r.nextInt(300)));
        return object(r, Map.of("start", instant(r, start), "end", instant(r, start.plusSeconds(3_600)), "reason",
                text(r)));
    }

    private String extraShift(Random r) {
        if (broken(r)) {
            return garbage(r);
        }
        return object(r, Map.of("locationId", quotedId(r, "location"), "date", "\"" + date(r) + "\"", "start",
                time(r, "10:00"), "end", time(r, "14:00")));
    }

    private String resource(Random r) {
        if (broken(r)) {
            return garbage(r);
        }
        return object(r, Map.of("locationId", quotedId(r, "location"), "name", text(r), "type",
                value(r, "\"chair\"", "\"Big Chair\"", "\"\"", "\"" + "c".repeat(41) + "\"", "3"), "active", bool(r)));
    }

    private String theme(Random r) {
        if (broken(r)) {
            return garbage(r);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("brandName", text(r));
        fields.put("logoUrl", value(r, "\"https://img.test/logo.svg\"", "\"javascript:alert(1)\"", "\"//x\"", "7"));
        fields.put("primaryColour", value(r, "\"#1d3557\"", "\"blue\"", "\"#12345\"", "\"#GGGGGG\"", "1"));
        fields.put("accentColour", value(r, "\"#e63946\"", "\"\"", "null", "[]"));
        fields.put("font", value(r, "\"SERIF\"", "\"Comic Sans\"", "\"serif\"", "3"));
        fields.put("cornerRadius", number(r, "8"));
        fields.put("heroImageUrl", value(r, "\"https://img.test/hero.jpg\"", "\"http://x.test/a.png\"",
                "\"data:image/png;base64,AAAA\"", "\"/a b.png\""));
        fields.put("tagline", text(r));
        fields.put("layout", value(r, "\"SPLIT\"", "\"GRID\"", "\"\"", "0"));
        fields.put("sections", value(r, "{\"services\":true,\"stylists\":false,\"locations\":true}", "null", "[]",
                "{\"services\":\"yes\"}"));
        fields.put("customCss", value(r, "\".hero{color:#222}\"", "\"</style><script>alert(1)</script>\"",
                "\"@import 'x.css';\"", "\"" + "a".repeat(10_001) + "\""));
        return object(r, fields);
    }

    private String policy(Random r) {
        if (broken(r)) {
            return garbage(r);
        }
        return object(r, Map.of("slotStepMinutes", number(r, "15"), "leadTimeMinutes", number(r, "120"),
                "horizonDays", number(r, "180"), "holdMinutes", number(r, "10"), "freeCancellationHours",
                number(r, "24"), "lateCancellationFeePercent", number(r, "50"), "noShowFeePercent",
                number(r, "20")));
    }

    private String paymentSettings(Random r) {
        if (broken(r)) {
            return garbage(r);
        }
        String key = value(r, "\"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\"", "\"-----BEGIN PRIVATE KEY-----\"",
                "\"\"", "\"" + "A".repeat(r.nextInt(9_000)) + "\"", "\"%%%\"", "12", "null", "[]");
        return object(r, Map.of("methods", list(r, () -> value(r, pick(r, "\"at-salon\"", "\"card\"",
                "\"alipay\"", "\"wechatpay\""), "\"bitcoin\"", "\"\"", "7", "{}")),
                "stripe", object(r, Map.of("accountId", value(r, "\"acct_1Fuzz2Test3\"", "\"sk_live_x\"",
                        "\"acct_\"", "\"\"", "1"))),
                "alipay", object(r, Map.of("appId", value(r, "\"2021000000000001\"", "\"12\"", "\"x\""),
                        "privateKey", key, "alipayPublicKey", key)),
                "wechatpay", object(r, Map.of("merchantId", value(r, "\"1900000109\"", "\"mch\""), "appId",
                        value(r, "\"wxd678efa567b06787\"", "\"wx\""), "apiV3Key", text(r), "privateKey", key,
                        "publicKey", key, "publicKeyId", text(r), "serialNumber", text(r))),
                "removeCredentials", list(r, () -> value(r, pick(r, "\"stripe\"", "\"alipay\"", "\"wechatpay\""),
                        "\"paypal\"", "1"))));
    }

    // ---- values -------------------------------------------------------------------------------------------------

    /**
     * How much of the current request is broken: most requests are well-formed but for a value or two (so they reach
     * the rules behind the shape checks), some are broken throughout.
     */
    private double wild;

    private boolean broken(Random r) {
        return r.nextDouble() < wild / 4;
    }

    /** The sensible value, or (as often as the request is wild) one of the bad ones. */
    private String value(Random r, String sensible, String... bad) {
        return r.nextDouble() < wild ? pick(r, bad) : sensible;
    }

    /** A JSON object with each field present, left out or null. */
    private String object(Random r, Map<String, String> fields) {
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (r.nextDouble() < wild / 3) {
                return;
            }
            members.add("\"" + name + "\":" + (r.nextDouble() < wild / 3 ? "null" : value));
        });
        java.util.Collections.shuffle(members, r);
        return "{" + String.join(",", members) + "}";
    }

    private String list(Random r, java.util.function.Supplier<String> element) {
        if (r.nextDouble() < wild / 3) {
            return pick(r, "{}", "\"x\"", "7", "[[]]", "[null]", "[null,null]");
        }
        int size = r.nextDouble() < wild / 4 ? 300 : r.nextInt(4);
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            elements.add(r.nextDouble() < wild / 4 ? "null" : element.get());
        }
        return "[" + String.join(",", elements) + "]";
    }

    private String number(Random r, String sensible) {
        return value(r, sensible, "0", "-1", "-2147483649", "2147483648", "99999999999999999999", "1e999", "-1e999",
                "1.5", "0.001", "\"12\"", "\"twelve\"", "true", "[]", "{}", "1e308", "4.9e-324", "-0", "1e20",
                "123456789012.5");
    }

    private String text(Random r) {
        return value(r, "\"Fuzzed " + r.nextInt(1_000) + "\"", "\"\"", "\"   \"",
                "\"" + "x".repeat(r.nextInt(5_000)) + "\"", "\"" + "é漢".repeat(r.nextInt(300)) + "\"", "\"\\u0000\"",
                "\"a\\u0000b\"", "\"<script>alert(1)</script>\"", "\"'; drop table location; --\"", "12", "true", "[]",
                "{}", "\"\\ud800\"");
    }

    /**
     * A name with one of each kind of character the identity server refuses in names (Keycloak's person-name rule),
     * or one it accepts, as a JSON string.
     */
    private static String personName(Random r) {
        String refused = pick(r, "<", ">", "&", "\\\"", "$", "%", "!", "#", "?", "§", ";", "*", "~", "/", "\\\\", "|",
                "^", "=", "[", "]", "{", "}", "(", ")", "\\u0007", "\\u000b", "\\u0085", "\\u2028", "\\n", "\\t",
                "\\u007f", "‹", "é", "李");
        return "\"Name " + refused + " " + r.nextInt(1_000) + "\"";
    }

    private String bool(Random r) {
        return value(r, pick(r, "true", "false"), "\"yes\"", "1", "[]", "\"\"");
    }

    private String day(Random r) {
        return value(r, pick(r, "\"MONDAY\"", "\"TUESDAY\"", "\"SUNDAY\""), "\"monday\"", "\"FUNDAY\"", "\"\"", "1",
                "null");
    }

    private String time(Random r, String sensible) {
        return value(r, "\"" + sensible + "\"", "\"24:00\"", "\"24:01\"", "\"9:00\"", "\"09:60\"", "\"noon\"",
                "\"\"", "\"-01:00\"", "900", "\"23:59\"", "\"00:00\"", "\"17:00\"", "\"09:00\"");
    }

    private String date(Random r) {
        LocalDate soon = LocalDate.now(LONDON).plusDays(r.nextInt(400) - 30);
        return value(r, soon.toString(), "2027-02-30", "2027-13-01", "yesterday", "1850-01-01", "9999-12-31",
                "+99999-01-01", "-1000000000-01-01", "2027-1-1", "0000-00-00", "+999999999-12-31", "-999999999-01-01",
                "1999-12-31", "2200-01-01");
    }

    private String instant(Random r, Instant sensible) {
        return value(r, "\"" + sensible + "\"", "\"2020-01-06T10:00:00Z\"", "\"+100000-01-01T00:00:00Z\"",
                "\"-100000-01-01T00:00:00Z\"", "\"2027-01-04T10:00:00+25:00\"", "\"2027-01-04\"", "\"not a time\"",
                "12345", "\"\"", "\"2099-01-05T10:00:00+08:00\"", "[]", "\"+1000000000-01-01T00:00:00Z\"",
                "\"-1000000000-01-01T00:00:00Z\"", "-9223372036854775808", "1e30", "\"2199-12-31T23:59:59Z\"");
    }

    private static String query(Random r, String name, String value) {
        int roll = r.nextInt(4);
        return roll == 0
                ? ""
                : roll == 1 ? "?" + name + "=" : "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String quotedId(Random r, String kind) {
        return value(r, "\"" + id(r, kind) + "\"", "123", "null", "{}", "[\"x\"]", "\"not-a-uuid\"");
    }

    /** An id of that kind: the chain's own, the other chain's, unknown, or not an id at all. */
    private String id(Random r, String kind) {
        double roll = r.nextDouble();
        if (roll < 1 - wild * 0.6 && own.containsKey(kind)) {
            List<String> ids = own.get(kind);
            return ids.get(r.nextInt(ids.size()));
        }
        if (r.nextBoolean() && foreign.containsKey(kind)) {
            List<String> ids = foreign.get(kind);
            return ids.get(r.nextInt(ids.size()));
        }
        if (r.nextBoolean()) {
            return UUID.randomUUID().toString();
        }
        return pick(r, "not-a-uuid", "00000000-0000-0000-0000-000000000000", "1", "../../etc", "%27%3B--",
                "x".repeat(300), "00000000-0000-0000-0000-00000000000g", "-1");
    }

    private static String garbage(Random r) {
        return pick(r, "", "{", "}", "[", "null", "\"\"", "{\"a\":", "<xml/>", "{\"name\":[[[[[[[[]]]]]]]]}",
                "{\"durationMinutes\":1e999}", "\u0000", "{'single':'quotes'}", "[" + "1,".repeat(r.nextInt(50)) + "1]",
                "{\"name\":\"unterminated", "{}", "[]", "true", "{\"a\":1,\"a\":2}",
                "{" + "\"k\":{".repeat(200) + "}".repeat(200) + "}", "{\"name\":\"\\ud800\"}");
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    // ---- fixtures -----------------------------------------------------------------------------------------------

    /** Two locations, a stylist and a service at them, a schedule, and a closure, holiday, time off, extra shift and resource. */
    private static void seed(Chains chains, String owner, Map<String, List<String>> ids, String prefix) {
        String first = chains.addLocation(owner, prefix + " Soho");
        String second = chains.addLocation(owner, prefix + " Camden");
        String stylist = chains.addStaff(owner, "stylist@" + prefix + "-portal.test", "STYLIST", first, second);
        String desk = chains.addStaff(owner, "desk@" + prefix + "-portal.test", "RECEPTIONIST", first);
        String service = chains.addService(owner, prefix + " cut");
        ok(chains.call("PATCH", "/api/v1/staff/" + stylist, owner, "{\"serviceIds\":[\"" + service + "\"]}"));
        ok(chains.call("PUT", "/api/v1/staff/" + stylist + "/schedule", owner, """
                {"locationId":"%s","weekly":[{"day":"MONDAY","start":"09:00","end":"17:00"}]}""".formatted(first)));
        ids.put("location", List.of(first, second));
        ids.put("staff", List.of(stylist, desk));
        ids.put("service", List.of(service));
        ids.put("closure", List.of(created(chains.call("POST", "/api/v1/locations/" + first + "/closures", owner, """
                {"start":"2099-01-04T09:00:00Z","end":"2099-01-04T12:00:00Z","reason":"Boiler"}"""))));
        ids.put("timeOff", List.of(created(chains.call("POST", "/api/v1/staff/" + stylist + "/time-off", owner, """
                {"start":"2099-01-04T09:00:00Z","end":"2099-01-05T09:00:00Z","reason":"Away"}"""))));
        ids.put("extraShift", List.of(created(chains.call("POST", "/api/v1/staff/" + stylist + "/extra-shifts", owner,
                """
                        {"locationId":"%s","date":"2099-01-06","start":"10:00","end":"14:00"}""".formatted(first)))));
        ids.put("resource", List.of(created(chains.call("POST", "/api/v1/resources", owner, """
                {"locationId":"%s","name":"Basin","type":"basin"}""".formatted(first)))));
        ok(chains.call("PUT", "/api/v1/locations/" + first + "/holidays/2099-12-25", owner,
                "{\"name\":\"Christmas\"}"));
    }

    /** A confirmed booking of the chain, made through the booking code as a customer would. */
    private void bookingFor() {
        Tenant tenant = directory.bySlug(Slug.of("portal-fuzz")).orElseThrow();
        String location = own.get("location").getFirst();
        String service = own.get("service").getFirst();
        LocalDate monday = LocalDate.now(LONDON).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant start = monday.atTime(LocalTime.of(10, 0)).atZone(LONDON).toInstant();
        String booking = TenantContext.asTenant(tenant, () -> {
            Customer customer = profiles.profileOf(new Caller("fuzz-customer", "ada@portal-fuzz.test", null, "Ada",
                    Set.of(), Set.of(Caller.CUSTOMER)));
            own.put("customer", List.of(customer.id().toString()));
            return bookings.create(customer, "fuzz-1", new BookingRequest(UUID.fromString(location), start,
                    List.of(new BookingRequest.Item(UUID.fromString(service), null)), null)).booking().id();
        });
        own.put("booking", List.of(booking));
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static boolean isProblem(Http.Response response) {
        if (!response.isProblem()) {
            return false;
        }
        JsonNode problem = response.json();
        return problem.hasNonNull("type") && problem.hasNonNull("status")
                && problem.get("status").asInt() == response.status();
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
