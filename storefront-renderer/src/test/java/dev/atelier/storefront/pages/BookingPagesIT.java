package dev.atelier.storefront.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.catalog.Address;
import dev.atelier.platform.catalog.Location;
import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.OpeningHours;
import dev.atelier.platform.identity.IdentityProperties;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The booking pages as an anonymous visitor meets them, against real PostgreSQL and Keycloak (the signed-in journey
 * is the browser test's): salons, then a salon's own services, then only the stylists who can do every chosen
 * service, then the free start times the availability API gives for the same question, printed in the salon's zone;
 * unknown or foreign ids are the neutral 404 page and a missing choice the 400 one; confirming and "my bookings"
 * need signing in through the chain's own Keycloak client with PKCE; forms without a CSRF token book nothing; pages
 * carry their security headers and start no session. A seeded fuzz ({@code -Dfuzz.seed=N} replays) sends malformed
 * values for every parameter and never gets a server error.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingPagesIT {

    static final TestCells CELLS = TestCells.create("booking_pages");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final String HOST = "flow-a.localhost";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Wednesday more than a week ahead, when every stylist works. */
    static final LocalDate DAY = LocalDate.now(PARIS).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
    static final int FUZZ_REQUESTS = 300;
    static final String SCRIPT = "<script>alert(1)</script>";

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
    LocationRepository locations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IdentityProperties identity;

    Http http;
    Tenant chain;
    UUID soho;
    UUID marais;
    UUID anna;
    UUID ben;
    UUID chloe;
    UUID cut;
    UUID colour;
    UUID beard;
    UUID consultation;
    UUID foreignSalon;
    UUID foreignService;

    @BeforeAll
    void chains() {
        http = new Http(port);
        chain = fixture.chain("flow-a");
        TenantContext.asTenant(chain, () -> {
            soho = fixture.location("Soho", LocalTime.of(9, 0), LocalTime.of(18, 0));
            marais = paris("Marais");
            anna = fixture.stylist("anna@flow-a.test", soho);
            ben = fixture.stylist("ben@flow-a.test", soho);
            chloe = fixture.stylist("chloe@flow-a.test", marais);
            cut = fixture.service("Cut", 30, 0, true, List.of(anna, ben, chloe));
            colour = fixture.service("Colour", 60, 15, true, List.of(anna));
            beard = fixture.service("Beard trim", 20, 0, true, List.of(chloe));
            consultation = fixture.service("Consultation", 30, 0, false, List.of(anna, ben));
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
                fixture.weekly(anna, soho, StaffShift.Kind.SHIFT, day, 9 * 60, 17 * 60);
                fixture.weekly(ben, soho, StaffShift.Kind.SHIFT, day, 12 * 60, 18 * 60);
                fixture.weekly(chloe, marais, StaffShift.Kind.SHIFT, day, 9 * 60, 17 * 60);
            }
        });
        Tenant other = fixture.chain("flow-b");
        TenantContext.asTenant(other, () -> {
            foreignSalon = fixture.location("Elsewhere", LocalTime.of(9, 0), LocalTime.of(18, 0));
            UUID stylist = fixture.stylist("dan@flow-b.test", foreignSalon);
            foreignService = fixture.service("Elsewhere cut", 30, 0, true, List.of(stylist));
            fixture.weekly(stylist, foreignSalon, StaffShift.Kind.SHIFT, DayOfWeek.WEDNESDAY, 9 * 60, 17 * 60);
        });
    }

    /** A salon of the current chain in Paris, open every day 9–18, so its times differ from UTC and London. */
    private UUID paris(String name) {
        List<OpeningHours> hours = Arrays.stream(DayOfWeek.values())
                .map(day -> new OpeningHours(day, LocalTime.of(9, 0), LocalTime.of(18, 0))).toList();
        return transactions.execute(status -> locations.save(new Location(name, new Address("3 Rue des Rosiers",
                "Paris", null, "75004", "FR"), 48.857, 2.359, PARIS, null, hours, Instant.now()))).id();
    }

    @Test
    void theChainsSalonsAndThenOneSalonsOwnServicesAreListed() {
        Http.Response salons = page("/book");
        assertThat(salons.body()).contains("Soho", "Marais", "href=\"/book?location=" + soho + "\"",
                "href=\"/book?location=" + marais + "\"").doesNotContain("Elsewhere");

        Http.Response sohoServices = page("/book?location=" + soho);
        assertThat(checked(sohoServices.body(), "service")).containsExactlyInAnyOrder(cut.toString(),
                colour.toString());
        assertThat(sohoServices.body()).contains("Cut", "Colour").doesNotContain("Beard trim", "Consultation",
                "Please choose at least one service.");
        assertThat(checked(page("/book?location=" + marais).body(), "service")).containsExactlyInAnyOrder(
                cut.toString(), beard.toString());

        for (String path : List.of("/book?location=" + foreignSalon, "/book?location=" + UUID.randomUUID(),
                "/book?location=abc", "/book?location=" + cut, "/book/stylist?location=" + foreignSalon
                        + "&service=" + foreignService,
                "/book/stylist?location=not-a-uuid&service=" + cut)) {
            Http.Response missing = http.get(HOST, path);
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.contentType()).as(path).startsWith("text/html");
            assertThat(missing.body()).as(path).contains("There is nothing here").doesNotContain("Elsewhere",
                    "\"status\"");
        }
    }

    @Test
    void noServiceChosenSendsTheVisitorBackToChooseAndOnlyStylistsWhoCanDoItAllAreOffered() {
        for (String none : List.of("", "&service=")) {
            Http.Response back = http.get(HOST, "/book/stylist?location=" + soho + none);
            assertThat(back.status()).as(none).isEqualTo(302);
            assertThat(sameHostPath(back.header("Location"))).isEqualTo("/book?location=" + soho + "&missing");
        }
        Http.Response again = page("/book?location=" + soho + "&missing");
        assertThat(again.body()).contains("role=\"alert\">Please choose at least one service.</p>");

        assertThat(checked(page("/book/stylist?location=" + soho + "&service=" + cut).body(), "stylist"))
                .containsExactly("any", anna.toString(), ben.toString());
        assertThat(checked(page("/book/stylist?location=" + soho + "&service=" + cut + "&service=" + colour).body(),
                "stylist")).containsExactly("any", anna.toString());
        assertThat(checked(page("/book/stylist?location=" + marais + "&service=" + beard).body(), "stylist"))
                .containsExactly("any", chloe.toString());
        assertThat(http.get(HOST, "/book/stylist?location=" + soho + "&service=" + beard).status())
                .as("not done at this salon").isEqualTo(404);
        assertThat(http.get(HOST, "/book/stylist?location=" + soho + "&service=" + consultation).status())
                .as("not bookable online").isEqualTo(404);
    }

    @Test
    void theTimesOfferedAreTheAvailabilityApisFreeStartsPrintedInTheSalonsZone() {
        assertSameStartsAsTheApi(marais, List.of(cut), "any", PARIS);
        assertSameStartsAsTheApi(soho, List.of(cut, colour), anna.toString(), LONDON);
        assertSameStartsAsTheApi(soho, List.of(cut), "any", LONDON);

        String first = timeLinks(page(timePath(marais, List.of(cut), "any", DAY)).body()).getFirst().label();
        assertThat(first).as("Chloe's shift starts at nine in Paris, eight in UTC").isEqualTo("09:00");
    }

    private void assertSameStartsAsTheApi(UUID salon, List<UUID> services, String stylist, ZoneId zone) {
        String question = "/api/v1/availability?locationId=" + salon + services.stream().map(id -> "&serviceId=" + id)
                .reduce("", String::concat) + (stylist.equals("any") ? "" : "&staffId=" + stylist) + "&from=" + DAY
                + "&to=" + DAY;
        Http.Response api = http.get(HOST, question);
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        Map<Instant, Set<String>> free = new LinkedHashMap<>();
        for (JsonNode slot : api.json().get("slots")) {
            List<String> staff = new ArrayList<>();
            slot.get("items").forEach(item -> staff.add(item.get("staffId").asString()));
            free.computeIfAbsent(Instant.parse(slot.get("start").asString()), start -> new LinkedHashSet<>())
                    .add(String.join(",", staff));
        }
        assertThat(free).as(question).isNotEmpty();

        List<TimeLink> links = timeLinks(page(timePath(salon, services, stylist, DAY)).body());
        Set<Instant> offered = new LinkedHashSet<>();
        // the chain is British: its own variant of English writes the times
        DateTimeFormatter clock = DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)
                .withLocale(Locale.UK);
        for (TimeLink link : links) {
            Map<String, List<String>> query = link.query();
            Instant start = Instant.parse(query.get("start").getFirst());
            assertThat(offered.add(start)).as("each start once: " + link).isTrue();
            assertThat(link.label()).as(link.toString()).isEqualTo(clock.format(start.atZone(zone)));
            assertThat(query.get("location")).containsExactly(salon.toString());
            assertThat(query.get("service")).containsExactlyElementsOf(services.stream().map(UUID::toString)
                    .toList());
            assertThat(query.get("stylist")).containsExactly(stylist);
            assertThat(free.getOrDefault(start, Set.of())).as("the stylists for " + start)
                    .contains(String.join(",", query.get("staff")));
        }
        assertThat(offered).as(question).containsExactlyElementsOf(free.keySet());
    }

    @Test
    void theTimePageRefusesStylistsWhoCannotDoItAndChoicesThatAreMissing() {
        for (String stylist : List.of(chloe.toString(), ben + "&service=" + colour, UUID.randomUUID().toString(),
                "nobody", "ANY", anna + "," + ben)) {
            String path = "/book/time?location=" + soho + "&service=" + cut + "&stylist=" + stylist + "&date=" + DAY;
            Http.Response refused = http.get(HOST, path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.contentType()).startsWith("text/html");
            assertThat(refused.body()).contains("There is nothing here");
        }
        for (String path : List.of("/book/time?location=" + soho + "&stylist=any&date=" + DAY,
                "/book/time?service=" + cut)) {
            Http.Response invalid = http.get(HOST, path);
            assertThat(invalid.status()).as(path).isEqualTo(400);
            assertThat(invalid.contentType()).startsWith("text/html");
            assertThat(invalid.body()).contains("That choice is not available", "href=\"/book\"");
        }
    }

    @Test
    void aQueryStringThatCannotBeDecodedIsTheInvalidChoicePage() throws Exception {
        for (String path : List.of("/book?location=%C0%AF", "/book?location=" + soho + "&lang=%FF%FE",
                "/book/stylist?location=" + soho + "&service=%", "/book/time?location=" + soho + "&service=" + cut
                        + "&date=%zz",
                "/book/time?=" + cut + "&location=" + soho + "&service=" + cut, "/?x=%E2%82",
                "/locations/" + soho + "?lang=%", "/book/confirm?start=%zz", "/my/bookings?x=%",
                "/signed-in?%zz", "/sign-in?register=%")) {
            Http.Response invalid = raw(path);
            assertThat(invalid.status()).as(path).isEqualTo(400);
            assertThat(invalid.contentType()).as(path).startsWith("text/html");
            assertThat(invalid.body()).as(path).contains("That choice is not available");
            assertThat(invalid.header("Content-Security-Policy")).as(path).contains("default-src 'self'");
        }
    }

    @Test
    void confirmingAndMyBookingsNeedSigningInAtTheChainsOwnKeycloakClient() throws Exception {
        String confirm = "/book/confirm?location=" + soho + "&service=" + cut + "&stylist=any&start="
                + DAY.atTime(10, 0).atZone(LONDON).toInstant() + "&staff=" + anna;
        UUID someBooking = UUID.randomUUID();
        for (String path : List.of(confirm, "/my/bookings", "/my/bookings/" + someBooking, "/my/bookings/"
                + someBooking + "/pay", "/my/bookings/" + someBooking + "/paid",
                "/my/bookings/" + someBooking
                        + "/receipt",
                "/my/bookings/" + someBooking + "/payments/" + UUID.randomUUID() + "/scan",
                "/my/bookings/" + someBooking + "/payments/" + UUID.randomUUID() + "/wechat",
                "/my/bookings/" + someBooking + "/pay/wechat?key=" + UUID.randomUUID() + "&code=c&state=s")) {
            Http.Response anonymous = http.get(HOST, path);
            assertThat(anonymous.status()).as(path).isEqualTo(302);
            assertThat(sameHostPath(anonymous.header("Location"))).as(path).isEqualTo("/sign-in");
        }

        String host = HOST + ":" + port;
        Http.Response signIn = http.get(host, "/sign-in");
        assertThat(signIn.status()).as(signIn.body()).isEqualTo(302);
        assertThat(chain.placement().realm()).isEqualTo("atelier");
        URI authorize = URI.create(signIn.header("Location"));
        assertThat(authorize.getScheme() + "://" + authorize.getRawAuthority() + authorize.getPath())
                .isEqualTo(identity.issuerOf("atelier") + "/protocol/openid-connect/auth")
                .contains("/realms/atelier/");
        Map<String, List<String>> query = query(authorize.getRawQuery());
        assertThat(query.get("response_type")).containsExactly("code");
        assertThat(query.get("client_id")).containsExactly("storefront-flow-a");
        assertThat(query.get("code_challenge_method")).containsExactly("S256");
        assertThat(query.get("code_challenge").getFirst()).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.get("redirect_uri")).containsExactly("http://flow-a.localhost:" + port + "/signed-in");
        assertThat(query.get("state").getFirst()).isNotBlank();
        assertThat(query.get("scope").getFirst()).contains("openid");
        assertThat(query).doesNotContainKey("prompt");

        Http.Response register = http.get(host, "/sign-in?register");
        assertThat(register.status()).isEqualTo(302);
        Map<String, List<String>> registering = query(URI.create(register.header("Location")).getRawQuery());
        assertThat(registering.get("prompt")).containsExactly("create");
        assertThat(registering.get("client_id")).containsExactly("storefront-flow-a");
        assertThat(registering.get("state")).isNotEqualTo(query.get("state"));
        assertThat(registering.get("code_challenge")).isNotEqualTo(query.get("code_challenge"));

        Map<String, List<String>> other = query(URI.create(http.get("flow-b.localhost:" + port, "/sign-in")
                .header("Location")).getRawQuery());
        assertThat(other.get("client_id")).as("each chain its own client").containsExactly("storefront-flow-b");

        for (String broken : List.of("/sign-in?register=%", "/sign-in?%C0%AF", "/sign-in?register&=x")) {
            assertThat(raw(broken).status()).as(broken + ": the visitor's mistake").isEqualTo(400);
        }
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefusedAndBookNothing() throws Exception {
        List<String> before = CELLS.column(chain, "select count(*) from booking");
        String start = DAY.atTime(10, 0).atZone(LONDON).toInstant().toString();
        String booking = "location=" + soho + "&service=" + cut + "&staff=" + anna + "&stylist=any&start="
                + encode(start) + "&key=" + UUID.randomUUID();
        String session = sessionCookie(http.get(HOST, "/sign-in"));

        HttpResponse<String> anonymous = form(HOST, "/book/confirm", booking);
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).as("a page, not JSON")
                .startsWith("text/html");
        assertThat(anonymous.body()).contains("This form has expired", "nothing was changed");
        assertThat(anonymous.headers().firstValue("Content-Security-Policy").orElseThrow()).contains(
                "default-src 'self'");
        assertThat(anonymous.headers().allValues("Set-Cookie")).as("a refused anonymous POST makes no session")
                .isEmpty();
        assertThat(form(HOST, "/sign-out", "").headers().allValues("Set-Cookie")).isEmpty();
        assertThat(form(HOST, "/book/confirm", booking, "Accept-Language", "zh-CN").body()).contains("表单已失效",
                "lang=\"zh-CN\"");
        assertThat(form(HOST, "/book/confirm", booking + "&_csrf=forged", "Cookie", session).statusCode())
                .as("a session but a forged token").isEqualTo(403);
        assertThat(form(HOST, "/sign-out", "").statusCode()).isEqualTo(403);
        assertThat(form(HOST, "/sign-out", "_csrf=forged", "Cookie", session).statusCode()).isEqualTo(403);
        assertThat(form(HOST, "/my/bookings/" + UUID.randomUUID() + "/cancel", "").statusCode()).isEqualTo(403);
        assertThat(form(HOST, "/my/bookings/" + UUID.randomUUID() + "/pay", "method=card").statusCode())
                .isEqualTo(403);

        assertThat(CELLS.column(chain, "select count(*) from booking")).isEqualTo(before).containsExactly("0");
        assertThat(timeLinks(page(timePath(soho, List.of(cut), "any", DAY)).body()).stream()
                .map(link -> link.query().get("start").getFirst())).as("the time is still free").contains(start);
    }

    @Test
    void pagesCarryTheirSecurityHeadersAndLanguageAndStartNoSession() {
        String time = timePath(soho, List.of(cut), "any", DAY);
        for (String path : List.of("/book", "/book?location=" + soho, "/book?location=" + soho + "&missing",
                "/book/stylist?location=" + soho + "&service=" + cut, time, "/book?location=" + foreignSalon,
                "/book/time?location=" + soho)) {
            Http.Response page = http.get(HOST, path);
            assertThat(page.status()).as(path).isIn(200, 400, 404);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.header("Content-Security-Policy")).as(path).contains("default-src 'self'",
                    "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(page.body()).as(path).containsPattern("<html lang=\"en(-GB)?\">");
            assertThat(cookies(page)).as(path).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        }

        Http.Response chinese = http.get(HOST, time + "&lang=zh-CN");
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\">");
        assertThat(cookies(chinese)).hasSize(1).allMatch(cookie -> cookie.startsWith("lang=zh-CN"));
        Http.Response invalid = http.send("GET", HOST, "/book/time?location=" + soho, null, "Accept-Language",
                "zh-CN");
        assertThat(invalid.body()).contains("<html lang=\"zh-CN\">");
    }

    @Test
    void seededMalformedValuesForEveryParameterNeverGetAServerError() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("BookingPagesIT fuzz seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> before = CELLS.column(chain, "select count(*) from booking");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < FUZZ_REQUESTS; i++) {
            String path = fuzzPath(random);
            Http.Response response = raw(path);
            int status = response.status();
            if (status >= 500) {
                failures.add("GET " + path + " → " + status + " " + abbreviate(response.body()));
            } else if (status >= 300 && status < 400) {
                String location = response.header("Location");
                if (sameHostPath(location) == null) {
                    failures.add("GET " + path + " → " + status + " elsewhere: " + location);
                }
            } else if (!response.contentType().startsWith("text/html")) {
                failures.add("GET " + path + " → " + status + " " + response.contentType() + " "
                        + abbreviate(response.body()));
            } else if (response.body().contains(SCRIPT) || response.body().contains("<script>alert")) {
                failures.add("GET " + path + " → " + status + " shows the script unescaped");
            } else if (cookies(response).stream().anyMatch(cookie -> cookie.startsWith("JSESSIONID"))
                    && !path.startsWith("/book/confirm")) {
                failures.add("GET " + path + " → " + status + " started a session");
            }
        }
        assertThat(failures).as("of " + FUZZ_REQUESTS + " requests, seed " + seed).isEmpty();
        assertThat(CELLS.column(chain, "select count(*) from booking")).isEqualTo(before);
    }

    private String fuzzPath(Random random) {
        String path = pick(random, "/book", "/book/stylist", "/book/time", "/book/confirm");
        List<String> parameters = new ArrayList<>();
        for (String name : List.of("location", "service", "stylist", "date", "start", "staff", "lang", "missing")) {
            int times = random.nextInt(10) < 6 ? 1 : random.nextInt(4);
            if (name.equals("service") || name.equals("staff")) {
                times = random.nextInt(8);
            }
            for (int t = 0; t < times; t++) {
                parameters.add(name + "=" + fuzzValue(random, name));
            }
        }
        if (random.nextInt(10) == 0) {
            parameters.add(pick(random, "location", "service", "%", "%3D", "", "date[]", "%E2%82") + "="
                    + fuzzValue(random, "location"));
        }
        java.util.Collections.shuffle(parameters, random);
        return path + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    /** A value for parameter {@code name}: mostly plausible or someone else's, often broken, already URL-encoded. */
    private String fuzzValue(Random random, String name) {
        if (random.nextInt(3) > 0) {
            String plausible = switch (name) {
                case "location" -> pickId(random, soho, marais, foreignSalon, cut, anna);
                case "service" -> pickId(random, cut, colour, beard, consultation, foreignService, soho);
                case "stylist", "staff" -> random.nextInt(4) == 0 ? "any" : pickId(random, anna, ben, chloe, cut);
                case "date" -> DAY.plusDays(random.nextInt(60) - 30).toString();
                case "start" -> DAY.atTime(9 + random.nextInt(9), random.nextInt(4) * 15).atZone(LONDON).toInstant()
                        .toString();
                case "lang" -> pick(random, "en", "zh-CN", "zh", "fr");
                default -> "";
            };
            return encode(plausible);
        }
        int kind = random.nextInt(13);
        return switch (kind) {
            case 0 -> encode(UUID.randomUUID().toString());
            case 1 -> pick(random, "", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "1", "null", "any",
                    "..%2F..%2Fetc%2Fpasswd", "%27%3B--", "%00", "%20");
            case 2 -> encode("x".repeat(1 + random.nextInt(3_000)));
            case 3 -> {
                String text = pick(random, "剪发", "預約", "😀💇", "\u202e\u0000", "ß", "é", "\uFEFF")
                        .repeat(1 + random.nextInt(50));
                yield random.nextBoolean() ? encode(text) : text;
            }
            case 4 -> encode(SCRIPT);
            case 5 -> pick(random, "9999-12-31", "%2B999999999-12-31", "-999999999-01-01", "0000-00-00", "2027-02-30",
                    "2026-13-01", "today", "2026-1-1", "20261202", "1970-01-01", DAY.plusYears(2).toString(),
                    DAY.plusYears(3).toString(), DAY.plusDays(400).toString(), LocalDate.now(PARIS).toString());
            case 6 -> pick(random, "2020-01-01T10:00:00Z", "%2B1000000000-01-01T00:00:00Z", "2027-02-30T10:00:00Z",
                    "1e999", "NaN", "2026-12-02T10%3A00%3A00%2B01%3A00", encode(Instant.now().toString()),
                    encode(DAY.atTime(10, 7).atZone(PARIS).toInstant().toString()));
            case 7 -> encode(soho + "," + marais);
            case 8 -> encode(" " + cut + " ");
            case 9 -> encode(cut.toString().toUpperCase(Locale.ROOT));
            case 10 -> encode(cut.toString().replace("-", ""));
            case 11 -> pick(random, "%", "%zz", "%E2%82", "%C0%AF", "%FF%FE", "%25", "a b", "<>", "\"", "{}", "|");
            default -> encode(pick(random, "zh-CN;q=1", "en-GB-oxendict-x-private", "i-klingon", "zh-Hant-TW",
                    "x".repeat(40), "-", "*"));
        };
    }

    private static String pickId(Random random, UUID... ids) {
        return ids[random.nextInt(ids.length)].toString();
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** A 200 HTML page on this chain's host. */
    private Http.Response page(String path) {
        Http.Response page = http.get(HOST, path);
        assertThat(page.status()).as(path + ": " + abbreviate(page.body())).isEqualTo(200);
        assertThat(page.contentType()).as(path).startsWith("text/html");
        return page;
    }

    private static String timePath(UUID salon, List<UUID> services, String stylist, LocalDate date) {
        return "/book/time?location=" + salon + services.stream().map(id -> "&service=" + id)
                .reduce("", String::concat) + "&stylist=" + stylist + "&date=" + date;
    }

    /** A time on the time page: its link to the confirmation and the time it shows. */
    record TimeLink(String href, String label) {

        Map<String, List<String>> query() {
            assertThat(href).startsWith("/book/confirm?");
            return BookingPagesIT.query(href.substring(href.indexOf('?') + 1));
        }
    }

    private static List<TimeLink> timeLinks(String body) {
        Matcher list = Pattern.compile("<ul class=\"times\">(.*?)</ul>", Pattern.DOTALL).matcher(body);
        if (!list.find()) {
            return List.of();
        }
        List<TimeLink> links = new ArrayList<>();
        Matcher link = Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>").matcher(list.group(1));
        while (link.find()) {
            links.add(new TimeLink(link.group(1).replace("&amp;", "&"), link.group(2).replace('\u202f', ' ')
                    .replace('\u00a0', ' ').strip()));
        }
        return links;
    }

    /** The values of the checkboxes or radio buttons named {@code name}, in page order. */
    private static List<String> checked(String body, String name) {
        Matcher input = Pattern.compile("<input type=\"(?:checkbox|radio)\" name=\"" + name + "\" value=\"([^\"]*)\"")
                .matcher(body);
        List<String> values = new ArrayList<>();
        while (input.find()) {
            values.add(input.group(1));
        }
        return values;
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return values;
    }

    /** The path and query a redirect leads to on this host, or null if it leads anywhere else. */
    private String sameHostPath(String location) {
        for (String origin : List.of("http://" + HOST + ":" + port, "http://" + HOST)) {
            if (location.startsWith(origin + "/")) {
                return location.substring(origin.length());
            }
        }
        return location.startsWith("/") && !location.startsWith("//") ? location : null;
    }

    private static List<String> cookies(Http.Response response) {
        return response.headers().entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(entry -> entry.getValue().stream()).toList();
    }

    private static String sessionCookie(Http.Response response) {
        return cookies(response).stream().filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).orElseThrow();
    }

    /**
     * A GET sent as bytes over a socket (HTTP/1.0, so the answer ends with the connection), for request lines no URI
     * class would build: broken percent-escapes, raw spaces and unicode.
     */
    private Http.Response raw(String pathAndQuery) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.0\r\nHost: " + HOST
                    + "\r\nAccept: text/html\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String[] head = (end < 0 ? answer : answer.substring(0, end)).split("\r\n");
            Map<String, List<String>> headers = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(head[i].substring(0, colon).strip(), name -> new ArrayList<>())
                            .add(head[i].substring(colon + 1).strip());
                }
            }
            String contentType = headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase("Content-Type"))
                    .map(entry -> entry.getValue().getFirst()).findFirst().orElse("");
            return new Http.Response(Integer.parseInt(head[0].split(" ")[1]), contentType,
                    end < 0 ? "" : answer.substring(end + 4), headers);
        }
    }

    private static final HttpClient FORMS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A form posted as a browser posts it, with {@code headers} as name, value pairs. */
    private HttpResponse<String> form(String host, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Host", host).header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return FORMS.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
