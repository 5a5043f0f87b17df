package dev.atelier.storefront.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A seeded generator sends thousands of malformed requests to the availability and booking endpoints: past and
 * reversed dates, ranges over 31 days, unknown and foreign ids, absurd values, broken JSON and wrong types. None
 * may be answered 5xx, every refusal is problem+json, and nothing is booked. Notification preferences get the same.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestsIT {

    static final TestCells CELLS = TestCells.create("malformed");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final int REQUESTS = 2_400;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        // the fuzz registers often; the limit itself is PublicWritesIT's
        registry.add("atelier.rate-limits.public-writes-per-minute", () -> "100000");
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    @Test
    void noMalformedRequestGetsAServerErrorOrBooksAnything() throws Exception {
        Http http = new Http(port);
        Tenant salon = fixture.chain("fuzz-a");
        Tenant other = fixture.chain("fuzz-b");
        List<UUID> ids = new ArrayList<>();
        TenantContext.asTenant(salon, () -> {
            UUID location = fixture.location("Soho", LocalTime.of(9, 0), LocalTime.of(18, 0));
            UUID stylist = fixture.stylist("stylist@fuzz-a.test", location);
            UUID service = fixture.service("Cut", 30, 5, true, List.of(stylist));
            fixture.weekly(stylist, location, StaffShift.Kind.SHIFT, DayOfWeek.MONDAY, 540, 1080);
            ids.addAll(List.of(location, stylist, service));
        });
        TenantContext.asTenant(other, () -> {
            UUID location = fixture.location("Elsewhere", LocalTime.of(9, 0), LocalTime.of(18, 0));
            ids.add(location);
            ids.add(fixture.service("Other cut", 30, 0, true, List.of()));
        });
        http.post("fuzz-a.localhost", "/api/v1/customers", """
                {"name":"Fuzzer","email":"fuzzer@fuzz.test","password":"a-long-password"}""");
        String token = KEYCLOAK.accessToken("atelier", "atelier-dev", "fuzzer@fuzz.test", "a-long-password",
                "openid");

        Random random = new Random(20261125);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Http.Response response;
            String what;
            switch (random.nextInt(6)) {
                case 0 -> {
                    what = "GET /api/v1/availability?" + availabilityQuery(random, ids);
                    response = http.get("fuzz-a.localhost", what.substring(4));
                }
                case 1 -> {
                    String body = bookingBody(random, ids);
                    what = "POST /api/v1/bookings " + body;
                    response = http.send("POST", "fuzz-a.localhost", "/api/v1/bookings", body, "Idempotency-Key",
                            "fuzz-" + i, "Authorization", "Bearer " + token);
                }
                case 2 -> {
                    String path = "/api/v1/me/bookings/" + pick(random, id(random, ids)) + "/"
                            + pick(random, "cancel", "reschedule", "payments", "", "..");
                    String body = random.nextBoolean()
                            ? "{\"start\":" + pick(random, value(random)) + ",\"method\":"
                                    + pick(random, "\"card\"", "\"alipay\"", "\"cash\"", "7", "null", value(random))
                                    + ",\"channel\":" + pick(random, "\"PHONE\"", "\"TV\"", "[]") + "}"
                            : garbage(random);
                    what = "POST " + path + " " + body;
                    response = http.send("POST", "fuzz-a.localhost", path, body, "Authorization", "Bearer " + token,
                            "Idempotency-Key", pick(random, "fuzz-pay-" + i, "", " spaced ", "k".repeat(201)));
                }
                case 3 -> {
                    // providers' notices with bodies and signatures no provider made
                    String path = "/webhooks/" + pick(random, "stripe", "alipay", "wechatpay", "paypal", "..");
                    String body = garbage(random);
                    what = "POST " + path + " " + body;
                    response = http.send("POST", "localhost", path, body, "Stripe-Signature",
                            pick(random, "t=1,v1=00", "", "t=x", "v1=" + body.hashCode()), "Wechatpay-Serial",
                            pick(random, "PUB_KEY_ID_0001", "", "x"), "Wechatpay-Timestamp", pick(random, "1", "x"));
                }
                case 4 -> {
                    String body = preferencesBody(random);
                    what = "PUT /api/v1/me/preferences " + body;
                    response = http.send("PUT", "fuzz-a.localhost", "/api/v1/me/preferences", body,
                            "Authorization", "Bearer " + token);
                }
                default -> {
                    String body = random.nextBoolean()
                            ? garbage(random)
                            : "{\"name\":" + personName(random) + ",\"email\":\"fuzz-" + i
                                    + "@fuzz.test\",\"password\":\"a-long-password\"}";
                    what = "POST /api/v1/customers " + body;
                    response = http.post("fuzz-a.localhost", "/api/v1/customers", body);
                }
            }
            if (response.status() >= 500 || (response.status() >= 400 && !response.isProblem())) {
                failures.add(what + " → " + response.status() + " " + response.body());
            }
        }

        assertThat(failures).as("of " + REQUESTS + " malformed requests").isEmpty();
        assertThat(CELLS.column(salon, "select count(*) from booking")).containsExactly("0");
    }

    private static String availabilityQuery(Random random, List<UUID> ids) {
        LocalDate today = LocalDate.now();
        List<String> parts = new ArrayList<>();
        if (random.nextInt(8) > 0) {
            parts.add("locationId=" + id(random, ids));
        }
        int services = random.nextInt(8);
        for (int s = 0; s < services; s++) {
            parts.add("serviceId=" + id(random, ids));
        }
        if (random.nextBoolean()) {
            parts.add("staffId=" + id(random, ids));
        }
        LocalDate from = today.plusDays(random.nextInt(2_000) - 1_000);
        parts.add("from=" + pick(random, from.toString(), "2027-02-30", "yesterday", "", "9999-12-31",
                "-1000000000-01-01", "2027-13-01"));
        parts.add("to=" + pick(random, from.plusDays(random.nextInt(80) - 20).toString(), "", "2027-1-1",
                "%00", "NaN", "%FF%FE", "%C0%AF"));
        java.util.Collections.shuffle(parts, random);
        return String.join("&", parts);
    }

    private static String bookingBody(Random random, List<UUID> ids) {
        if (random.nextInt(5) == 0) {
            return garbage(random);
        }
        String items = random.nextInt(6) == 0
                ? pick(random, "[]", "null", "{}", "\"x\"", "[1,2]")
                : "[" + String.join(",", java.util.stream.IntStream.range(0, random.nextInt(8))
                        .mapToObj(n -> "{\"serviceId\":" + quoted(random, id(random, ids)) + ",\"staffId\":"
                                + quoted(random, id(random, ids)) + "}")
                        .toList()) + "]";
        return "{\"locationId\":" + quoted(random, id(random, ids)) + ",\"start\":" + value(random) + ",\"items\":"
                + items + ",\"note\":" + pick(random, "null", "\"" + "x".repeat(random.nextInt(800)) + "\"", "42")
                + "}";
    }

    /** Notification preferences, most of them wrong in a field or two. */
    private static String preferencesBody(Random random) {
        if (random.nextInt(6) == 0) {
            return garbage(random);
        }
        String channels = pick(random, "[\"email\"]", "[]", "[\"fax\"]", "[\"EMAIL\",\"sms\"]", "null",
                "\"email\"", "[1]", "[\"email\",\"sms\",\"wechat\",\"sms\"]", "[null]", "[{}]");
        String quiet = pick(random, "null", "{}", "[]", "\"22:00-08:00\"", "{\"from\":" + pick(random, "\"22:00\"",
                "\"24:00\"", "\"7\"", "null", "\"\u0000\"") + ",\"to\":"
                + pick(random, "\"08:00\"", "\"22:00\"",
                        "\"-1:00\"", "8")
                + ",\"timezone\":" + pick(random, "\"Asia/Shanghai\"", "\"Nowhere/Land\"", "\"\"",
                        "\"" + "Z".repeat(random.nextInt(200)) + "\"", "\"../../etc\"", "null")
                + "}");
        return "{\"channels\":" + channels + ",\"marketing\":" + pick(random, "true", "false", "null", "\"yes\"", "1")
                + ",\"quietHours\":" + quiet + "}";
    }

    private static String value(Random random) {
        return pick(random, "\"2020-01-06T10:00:00Z\"", "\"2099-01-05T10:00:00Z\"", "\"2027-01-04T10:07:00Z\"",
                "\"not a time\"", "null", "12345", "true", "\"+1000000000-01-01T00:00:00Z\"",
                "\"" + java.time.Instant.now().plusSeconds(random.nextInt(86_400 * 30)) + "\"", "[]", "{}");
    }

    private static String id(Random random, List<UUID> ids) {
        return random.nextInt(3) == 0
                ? pick(random, "not-a-uuid", "", "00000000-0000-0000-0000-000000000000",
                        "1", "../../etc", "%27%3B--")
                : random.nextBoolean() ? ids.get(random.nextInt(ids.size())).toString() : UUID.randomUUID().toString();
    }

    private static String quoted(Random random, String value) {
        return random.nextInt(10) == 0 ? pick(random, "123", "null", "{}", "[\"" + value + "\"]") : "\"" + value + "\"";
    }

    private static String garbage(Random random) {
        return pick(random, "{", "}", "[", "null", "\"\"", "{\"a\":", "<xml/>", "{\"locationId\":[[[[[[]]]]]]}",
                "{\"start\":1e999}", "{\"items\":[{\"serviceId\":{}}]}", "\u0000", "{'single':'quotes'}",
                "{\"name\":\"" + "é".repeat(random.nextInt(300)) + "\"}", "[" + "1,".repeat(random.nextInt(50)) + "1]");
    }

    /** Every kind of character Keycloak's person-name rule refuses is a 400 naming the field, never a 5xx. */
    @Test
    void namesWithCharactersKeycloakRefusesAreRefusedNamingTheField() {
        Http http = new Http(port);
        fixture.chain("fuzz-names");
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String refused : REFUSED_IN_NAMES) {
            String body = "{\"name\":\"Name " + refused + " X\",\"email\":\"names-" + n++
                    + "@fuzz.test\",\"password\":\"a-long-password\"}";
            Http.Response response = http.post("fuzz-names.localhost", "/api/v1/customers", body);
            if (response.status() != 400 || !response.isProblem() || !response.body().contains("\"name\"")) {
                failures.add(body + " → " + response.status() + " " + response.body());
            }
        }
        assertThat(failures).isEmpty();
    }

    /** One of each kind of character Keycloak refuses in a person's name, as JSON string content. */
    private static final List<String> REFUSED_IN_NAMES = List.of("<", ">", "&", "\\\"", "$", "%", "!", "#", "?",
            "§", ";", "*", "~", "/", "\\\\", "|", "^", "=", "[", "]", "{", "}", "(", ")", "\\u0007", "\\u000b",
            "\\u0085", "\\u2028", "\\n", "\\t", "\\u007f", "<b>X</b>");

    /** A name with a character Keycloak refuses, or one it accepts, as a JSON string. */
    private static String personName(Random random) {
        String character = random.nextInt(5) == 0
                ? pick(random, "é", "李", "O'Brien", "-")
                : REFUSED_IN_NAMES.get(random.nextInt(REFUSED_IN_NAMES.size()));
        return "\"Name " + character + " " + random.nextInt(1_000) + "\"";
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
