package dev.atelier.portal.customers;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
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
import tools.jackson.databind.JsonNode;

/**
 * The customer book through the portal against real PostgreSQL and Keycloak: found by a part of the name or email
 * (case folded, wildcards taken literally) or by phone digits however they are spaced; a profile counts visits,
 * upcoming bookings, no-shows and cancellations and what was paid; notes are kept newest
 * first, replayed by their idempotency key; stylists and other chains get nothing.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerBookIT {

    static final TestCells CELLS = TestCells.create("customerbook");
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
    String desk;
    String stylist;
    String otherOwner;
    String location;
    Tenant tenant;
    final UUID mei = UUID.randomUUID();
    final UUID percent = UUID.randomUUID();
    final UUID foreigner = UUID.randomUUID();
    UUID completed;

    @BeforeAll
    void chainWithCustomers() throws SQLException {
        chains = new Chains(new Http(port), KEYCLOAK);
        owner = chains.token(chains.signUp("customer-book"));
        location = chains.addLocation(owner, "Book salon");
        chains.addStaff(owner, "desk@customer-book.test", "RECEPTIONIST", location);
        chains.addStaff(owner, "stylist@customer-book.test", "STYLIST", location);
        desk = chains.token("desk@customer-book.test");
        stylist = chains.token("stylist@customer-book.test");
        tenant = directory.bySlug(Slug.of("customer-book")).orElseThrow();
        customer(tenant, mei, "Mei Lin", "Mei.Lin@Example.test", "+86 138 0013 8000", "2026-01-01T00:00:00Z");
        customer(tenant, percent, "100%_Sure", null, "+44 20 7946 0001", "2026-02-01T00:00:00Z");
        completed = booking(mei, "COMPLETED", "2026-03-02T10:00:00Z");
        booking(mei, "NO_SHOW", "2026-04-02T10:00:00Z");
        booking(mei, "CANCELLED", "2026-05-02T10:00:00Z");
        booking(mei, "CONFIRMED", "2099-05-02T10:00:00Z");
        booking(mei, "EXPIRED", "2026-05-03T10:00:00Z");

        otherOwner = chains.token(chains.signUp("customer-book-other"));
        customer(directory.bySlug(Slug.of("customer-book-other")).orElseThrow(), foreigner, "Mei Other",
                "mei@other.test", "+86 138 0013 8000", "2026-01-01T00:00:00Z");
    }

    @Test
    void aCustomerIsFoundByNameEmailOrPhoneAndWildcardsAreText() {
        assertThat(names(search(desk, "mei"))).containsExactly("Mei Lin");
        assertThat(names(search(desk, "LIN"))).containsExactly("Mei Lin");
        assertThat(names(search(desk, "example.TEST"))).containsExactly("Mei Lin");
        assertThat(names(search(desk, "13800138000"))).as("digits, spaced differently").containsExactly("Mei Lin");
        assertThat(names(search(desk, "+86 (138) 0013-8000"))).containsExactly("Mei Lin");
        assertThat(names(search(desk, "%"))).as("a literal percent sign").containsExactly("100%_Sure");
        assertThat(names(search(desk, "_"))).as("a literal underscore").containsExactly("100%_Sure");
        assertThat(names(search(desk, "nobody"))).isEmpty();
        JsonNode found = search(desk, "mei").get(0);
        assertThat(found.get("visits").asLong()).isEqualTo(1);
        assertThat(found.get("lastVisit").asString()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(names(search(otherOwner, "mei"))).as("the other chain's book").containsExactly("Mei Other");

        for (String bad : List.of("", "   ", "x".repeat(101), "a\u0000b")) {
            Http.Response refused = chains.call("GET", "/api/v1/customers?q=" + encoded(bad), desk, null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(chains.call("GET", "/api/v1/customers", desk, null).status()).isEqualTo(400);
        assertThat(chains.call("GET", "/api/v1/customers?q=mei", stylist, null).status()).isEqualTo(403);
    }

    @Test
    void aProfileCountsVisitsNoShowsAndSpendAndKeepsNotes() {
        Http.Response paid = chains.call("POST", "/api/v1/bookings/" + completed + "/payments", owner, """
                {"method":"at-salon","amount":{"amount":12.00,"currency":"GBP"},"tender":"cash"}""",
                "Idempotency-Key", "book-pay-1");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);

        JsonNode profile = ok(chains.call("GET", "/api/v1/customers/" + mei, desk, null));
        assertThat(profile.get("name").asString()).isEqualTo("Mei Lin");
        assertThat(profile.get("visits").asLong()).isEqualTo(1);
        assertThat(profile.get("upcoming").asLong()).isEqualTo(1);
        assertThat(profile.get("noShows").asLong()).isEqualTo(1);
        assertThat(profile.get("cancellations").asLong()).isEqualTo(1);
        assertThat(profile.get("lastVisit").asString()).isEqualTo("2026-03-02T10:00:00Z");
        assertThat(profile.get("spend")).hasSize(1);
        assertThat(profile.get("spend").get(0).get("amount").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(profile.get("spend").get(0).get("currency").asString()).isEqualTo("GBP");
        assertThat(profile.get("bookings").valueStream().map(b -> b.get("status").asString()).toList())
                .as("newest first, expired holds left out")
                .containsExactly("CONFIRMED", "CANCELLED", "NO_SHOW", "COMPLETED");

        Http.Response first = note(desk, mei, "Allergic to ammonia; use the gentle dye.", "note-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Http.Response replay = note(desk, mei, "Allergic to ammonia; use the gentle dye.", "note-1");
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(note(desk, mei, "Something else", "note-1").status()).as("the key names another note")
                .isEqualTo(400);
        assertThat(note(owner, mei, "Prefers Saturday mornings.\nBrings her own brush.", "note-1").status())
                .as("another author's key").isEqualTo(201);
        JsonNode notes = ok(chains.call("GET", "/api/v1/customers/" + mei, desk, null)).get("notes");
        assertThat(notes.valueStream().map(n -> n.get("text").asString()).toList()).containsExactly(
                "Prefers Saturday mornings.\nBrings her own brush.", "Allergic to ammonia; use the gentle dye.");
        assertThat(notes.get(1).get("author").asString()).isEqualTo("desk@customer-book.test");

        assertThat(note(desk, mei, "", "note-2").status()).isEqualTo(400);
        assertThat(note(desk, mei, "x".repeat(2001), "note-3").status()).isEqualTo(400);
        assertThat(note(desk, mei, "bell\u0007", "note-4").status()).isEqualTo(400);
        assertThat(chains.call("POST", "/api/v1/customers/" + mei + "/notes", desk, "{\"text\":\"keyless\"}")
                .status()).isEqualTo(400);
        assertThat(note(desk, UUID.randomUUID(), "nobody", "note-5").status()).isEqualTo(404);
        assertThat(note(desk, foreigner, "the other chain's", "note-6").status()).isEqualTo(404);
        assertThat(chains.call("GET", "/api/v1/customers/" + foreigner, desk, null).status()).isEqualTo(404);
        assertThat(chains.call("GET", "/api/v1/customers/not-an-id", desk, null).status()).isEqualTo(400);
        assertThat(note(stylist, mei, "a stylist's", "note-7").status()).isEqualTo(403);
    }

    private Http.Response note(String token, UUID customer, String text, String key) {
        return chains.call("POST", "/api/v1/customers/" + customer + "/notes", token,
                "{\"text\":" + tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(text) + "}",
                "Idempotency-Key", key);
    }

    private JsonNode search(String token, String text) {
        return ok(chains.call("GET", "/api/v1/customers?q=" + encoded(text), token, null));
    }

    private static List<String> names(JsonNode found) {
        return found.valueStream().map(customer -> customer.get("name").asString()).toList();
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void customer(Tenant at, UUID id, String name, String email, String phone, String since)
            throws SQLException {
        CELLS.update(at, """
                insert into customer (id, user_id, name, email, phone, created_at, last_seen_at)
                values ('%s', '%s', '%s', %s, '%s', '%s', '%s')""".formatted(id, "user-" + id, name,
                email == null ? "null" : "'" + email + "'", phone, since, since));
    }

    private UUID booking(UUID customer, String status, String start) throws SQLException {
        UUID id = UUID.randomUUID();
        CELLS.update(tenant, """
                insert into booking (id, customer_id, location_id, status, source, starts_at, ends_at, hold_expires_at,
                                     price_amount, price_currency, created_at, updated_at)
                values ('%s', '%s', '%s', '%s', 'STAFF', '%s', timestamptz '%s' + interval '30 minutes', %s, 25.00,
                        'GBP', now(), now())""".formatted(id, customer, location, status, start, start,
                status.equals("EXPIRED") ? "now()" : "null"));
        return id;
    }
}
