package dev.atelier.storefront.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.Ports;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.MovableClock;
import dev.atelier.platform.testing.MovableClocks;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.storefront.PageVisitor;
import dev.atelier.storefront.PageVisitor.Page;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A signed-in customer's page session over plain HTTP, through the chain's real Keycloak sign-in page and real
 * PostgreSQL: a form takes its CSRF token from the body, never from the address; the session is rechecked with
 * Keycloak within a minute, so an account disabled or signed out there loses its page session; and a form sent with
 * an ended session goes back to its page, where signing in again returns to it.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(MovableClocks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageSessionsIT {

    static final TestCells CELLS = TestCells.create("page_sessions");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final String PASSWORD = "a-long-password";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** A Wednesday more than a week ahead, when the stylist works. */
    static final LocalDate DAY = LocalDate.now(LONDON).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
    static final AtomicInteger CUSTOMERS = new AtomicInteger();
    static final AtomicInteger HOURS = new AtomicInteger(9);
    /** A fixed port, since each chain's Keycloak client lets sign-in return only to the chain's own address. */
    static final int PORT = Ports.free();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> "0");
        registry.add("atelier.storefront.url-template", () -> "http://{slug}.localhost:" + PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    @Autowired
    Clock clock;

    Tenant chain;
    String host;
    UUID salon;
    UUID stylist;
    UUID cut;

    @BeforeAll
    void salon() {
        chain = fixture.chain("sessions-a");
        host = "sessions-a.localhost";
        TenantContext.asTenant(chain, () -> {
            salon = fixture.location("Soho", LocalTime.of(8, 0), LocalTime.of(20, 0));
            stylist = fixture.stylist("anna@sessions-a.test", salon);
            cut = fixture.service("Cut", 30, 0, true, List.of(stylist));
            fixture.weekly(stylist, salon, StaffShift.Kind.SHIFT, DayOfWeek.WEDNESDAY, 8 * 60, 20 * 60);
        });
    }

    @Test
    void aFormTakesItsTokenFromTheBodyNeverFromTheAddress() {
        PageVisitor visitor = new PageVisitor(port);
        String email = signedIn(visitor);
        String booking = book(visitor);
        String token = visitor.get(booking).csrf();

        Page inAddress = visitor.post(booking + "/cancel?_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                List.of());
        assertThat(inAddress.status()).as("a token in the query string is no token").isEqualTo(403);
        assertThat(inAddress.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(inAddress.body()).contains("This form has expired", "nothing was changed");
        assertThat(status(booking)).isEqualTo("CONFIRMED");

        Page inBody = visitor.post(booking + "/cancel", List.of(Map.entry("_csrf", token)));
        assertThat(inBody.status()).isEqualTo(302);
        assertThat(status(booking)).as(email).isEqualTo("CANCELLED");
    }

    @Test
    void disablingTheAccountInKeycloakEndsThePageSessionWithinAMinute() {
        PageVisitor visitor = new PageVisitor(port);
        String email = signedIn(visitor);
        UserResource account = account(email);
        UserRepresentation disabled = account.toRepresentation();
        disabled.setEnabled(false);
        account.update(disabled);

        ((MovableClock) clock).advance(Duration.ofSeconds(61));
        Page after = visitor.get(page("/my/bookings"));
        assertThat(after.status()).as("a disabled account's session ends").isEqualTo(302);
        assertThat(after.location()).endsWith("/sign-in");
        assertThat(visitor.get(page("/")).body()).as("and the pages show no one signed in")
                .doesNotContain("action=\"/sign-out\"");
    }

    @Test
    void signingOutAtKeycloakEndsThePageSessionWithinAMinute() {
        PageVisitor visitor = new PageVisitor(port);
        String email = signedIn(visitor);
        assertThat(visitor.get(page("/my/bookings")).status()).isEqualTo(200);
        account(email).logout();

        ((MovableClock) clock).advance(Duration.ofSeconds(61));
        Page after = visitor.get(page("/my/bookings"));
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).endsWith("/sign-in");
    }

    @Test
    void aSessionStillSignedInAtKeycloakGoesOnAfterItsRecheck() {
        PageVisitor visitor = new PageVisitor(port);
        signedIn(visitor);
        for (int minute = 0; minute < 3; minute++) {
            ((MovableClock) clock).advance(Duration.ofSeconds(61));
            assertThat(visitor.get(page("/my/bookings")).status()).as("minute " + minute).isEqualTo(200);
        }
    }

    @Test
    void aFormOfAnEndedSessionLeadsToSignInAndBackToItsPage() {
        PageVisitor visitor = new PageVisitor(port);
        String email = signedIn(visitor);
        String booking = book(visitor);
        String token = visitor.get(booking).csrf();
        String ended = visitor.session(host).orElseThrow();
        Page signedOut = visitor.post(page("/sign-out"), List.of(Map.entry("_csrf", token)));
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(visitor.follow(signedOut).address().getHost()).as("signed out at Keycloak and back").isEqualTo(host);

        visitor.keepSession(host, ended);
        Page stale = visitor.post(booking + "/cancel", List.of(Map.entry("_csrf", token)));
        assertThat(stale.status()).as("back to the page the form was on").isEqualTo(303);
        assertThat(stale.location()).isEqualTo(booking);
        assertThat(status(booking)).as("nothing done").isEqualTo("CONFIRMED");

        Page needsSignIn = visitor.get(stale.location());
        assertThat(needsSignIn.status()).isEqualTo(302);
        assertThat(needsSignIn.location()).endsWith("/sign-in");
        Page back = visitor.signIn(needsSignIn, email, PASSWORD);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.address().getPath()).as("signed in again, on the booking's page").isEqualTo(
                booking.substring(booking.indexOf("/my/")));
        assertThat(visitor.post(booking + "/cancel", List.of(Map.entry("_csrf", back.csrf()))).status())
                .isEqualTo(302);
        assertThat(status(booking)).isEqualTo("CANCELLED");
    }

    @Test
    void aFormSentJustAfterKeycloakEndedTheSessionGoesBackToItsPage() {
        PageVisitor visitor = new PageVisitor(port);
        String email = signedIn(visitor);
        String booking = book(visitor);
        String token = visitor.get(booking).csrf();
        account(email).logout();
        ((MovableClock) clock).advance(Duration.ofSeconds(61));

        Page refused = visitor.post(booking + "/cancel", List.of(Map.entry("_csrf", token)));
        assertThat(refused.status()).isEqualTo(303);
        assertThat(refused.location()).isEqualTo(booking);
        assertThat(status(booking)).isEqualTo("CONFIRMED");
    }

    @Test
    void aFormOfAnEndedSessionAtTheConfirmationKeepsTheChoices() {
        PageVisitor visitor = new PageVisitor(port);
        visitor.keepSession(host, "no-such-session");
        String start = DAY.atTime(HOURS.getAndIncrement(), 0).atZone(LONDON).toInstant().toString();
        Page stale = visitor.post(page("/book/confirm"), List.of(Map.entry("location", salon.toString()),
                Map.entry("service", cut.toString()), Map.entry("staff", stylist.toString()),
                Map.entry("stylist", "any"), Map.entry("start", start), Map.entry("key", UUID.randomUUID().toString()),
                Map.entry("_csrf", "from-an-old-page")));
        assertThat(stale.status()).isEqualTo(303);
        assertThat(stale.location()).isEqualTo(page("/book/confirm?location=" + salon + "&service=" + cut + "&staff="
                + stylist + "&stylist=any&start=" + URLEncoder.encode(start, StandardCharsets.UTF_8)));
        assertThat(stale.headers()).as("no session for it").doesNotContainKey("set-cookie");
    }

    @Test
    void aPageAskedWithAMethodItDoesNotTakeIsAPage() {
        PageVisitor visitor = new PageVisitor(port);
        signedIn(visitor);
        String booking = book(visitor);
        Page wrong = visitor.get(booking + "/cancel");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.header("Allow").orElseThrow()).contains("POST");
        assertThat(wrong.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(wrong.body()).contains("This page cannot be used that way");
        assertThat(wrong.header("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");

        Page missing = new PageVisitor(port).get(page("/locations/" + salon + "/nothing-here"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type").orElseThrow()).startsWith("text/html");
        Page api = new PageVisitor(port).get(page("/api/v1/nothing-here"));
        assertThat(api.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    /** A new customer registered at the chain and signed in through its Keycloak page; their email. */
    private String signedIn(PageVisitor visitor) {
        String email = "customer-" + CUSTOMERS.incrementAndGet() + "@sessions-a.test";
        Http.Response registered = new Http(port).post(host, "/api/v1/customers", """
                {"name":"Page Customer","email":"%s","password":"%s"}""".formatted(email, PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Page signIn = visitor.get(page("/my/bookings"));
        assertThat(signIn.status()).isEqualTo(302);
        Page back = visitor.signIn(signIn, email, PASSWORD);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.address().getPath()).isEqualTo("/my/bookings");
        return email;
    }

    /** Books the next free hour through the confirmation form; the booking's page. */
    private String book(PageVisitor visitor) {
        String start = DAY.atTime(HOURS.getAndIncrement(), 0).atZone(LONDON).toInstant().toString();
        String confirm = page("/book/confirm?location=" + salon + "&service=" + cut + "&staff=" + stylist
                + "&stylist=any&start=" + URLEncoder.encode(start, StandardCharsets.UTF_8));
        Page review = visitor.get(confirm);
        assertThat(review.status()).as(review.body()).isEqualTo(200);
        Page booked = visitor.post(page("/book/confirm"), List.of(Map.entry("_csrf", review.csrf()),
                Map.entry("location", salon.toString()), Map.entry("service", cut.toString()),
                Map.entry("staff", stylist.toString()), Map.entry("stylist", "any"), Map.entry("start", start),
                Map.entry("key", UUID.randomUUID().toString())));
        assertThat(booked.status()).as(booked.body()).isEqualTo(302);
        String location = booked.location();
        return location.substring(0, location.indexOf('?'));
    }

    private String status(String bookingPage) {
        String id = bookingPage.substring(bookingPage.lastIndexOf('/') + 1);
        try {
            return CELLS.column(chain, "select status from booking where id = '" + id + "'").getFirst();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private UserResource account(String email) {
        var users = KEYCLOAK.adminClient().realm(chain.placement().realm()).users();
        return users.get(users.searchByEmail(email, true).getFirst().getId());
    }

    private String page(String path) {
        return "http://" + host + ":" + port + path;
    }
}
