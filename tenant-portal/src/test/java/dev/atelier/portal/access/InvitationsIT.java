package dev.atelier.portal.access;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.MovableClock;
import dev.atelier.platform.testing.MovableClocks;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Joining a chain's staff is the person's own choice, against real Keycloak and PostgreSQL: another chain naming an
 * existing account only invites it, which changes nothing of what that account can do anywhere; the account accepts
 * or declines while signed in, an invitation expires, and someone on the staff of three chains keeps full access to
 * each, choosing with {@code X-Tenant}.
 */
@Import(MovableClocks.class)
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationsIT {

    static final TestCells CELLS = TestCells.create("invite");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("atelier.staff.invitation-ttl", () -> "7d");
    }

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    Chains chains;
    String ownerA;
    String ownerB;
    String ownerC;

    @BeforeAll
    void chains() {
        chains = new Chains(new Http(port), KEYCLOAK);
        ownerA = chains.signUp("invite-a");
        ownerB = chains.signUp("invite-b");
        ownerC = chains.signUp("invite-c");
    }

    @Test
    void anotherChainNamingAnOwnerOnlyInvitesThemAndTheirOwnChainStaysTheirs() {
        String b = chains.token(ownerB);
        Http.Response added = chains.call("POST", "/api/v1/staff", b, """
                {"name":"Not asked","email":"%s","role":"STYLIST","locationIds":[]}""".formatted(ownerA));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("status").asString()).isEqualTo("INVITED");
        assertThat(added.json().get("invitationExpiresAt").asString()).isNotBlank();

        String a = chains.token(ownerA);
        assertOwnerOf(chains.call("GET", "/api/v1/me", a, null), "invite-a");
        assertOwnerOf(chains.call("GET", "/api/v1/me", a, null, "X-Tenant", "invite-a"), "invite-a");
        assertThat(chains.call("GET", "/api/v1/staff", a, null).status()).isEqualTo(200);
        assertProblem(chains.call("GET", "/api/v1/me", a, null, "X-Tenant", "invite-b"), 403, "forbidden");

        assertProblem(chains.call("POST", "/api/v1/staff/" + added.json().get("id").asString() + "/enable", b, null),
                409, "membership-step");
        assertProblem(chains.call("GET", "/api/v1/me", chains.token(ownerA), null, "X-Tenant", "invite-b"), 403,
                "forbidden");
        assertProblem(chains.call("POST", "/api/v1/staff", b, """
                {"name":"Again","email":"%s"}""".formatted(ownerA)), 409, "member-exists");

        Http.Response withdrawn = chains.call("POST", "/api/v1/staff/" + added.json().get("id").asString()
                + "/disable", b, null);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(openInvitations(chains.token(ownerA))).isEmpty();
        assertOwnerOf(chains.call("GET", "/api/v1/me", chains.token(ownerA), null), "invite-a");
    }

    @Test
    void aPersonInThreeChainsAcceptsTwoInvitationsAndSwitchesBetweenThemWithFullAccessToEach() {
        String person = "owner@invite-person.test";
        chains.signUp("invite-person");
        String location = chains.addLocation(chains.token(ownerB), "Leeds");
        Http.Response toB = chains.call("POST", "/api/v1/staff", chains.token(ownerB), """
                {"name":"Pat","email":"%s","role":"MANAGER","locationIds":["%s"]}""".formatted(person, location));
        Http.Response toC = chains.call("POST", "/api/v1/staff", chains.token(ownerC), """
                {"name":"Pat","email":"%s","role":"RECEPTIONIST"}""".formatted(person));
        assertThat(List.of(toB.status(), toC.status())).containsOnly(201);

        String token = chains.token(person);
        JsonNode open = openInvitations(token);
        assertThat(open.valueStream().map(i -> i.get("tenant").get("slug").asString()))
                .containsExactlyInAnyOrder("invite-b", "invite-c");
        assertThat(open.valueStream().map(i -> i.get("role").asString()))
                .containsExactlyInAnyOrder("MANAGER", "RECEPTIONIST");
        for (JsonNode invitation : open) {
            assertProblem(chains.call("POST", "/api/v1/invitations/" + invitation.get("id").asString() + "/accept",
                    chains.token(ownerA), null), 404, "not-found");
            Http.Response accepted = chains.call("POST", "/api/v1/invitations/" + invitation.get("id").asString()
                    + "/accept", token, null);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
            assertProblem(chains.call("POST", "/api/v1/invitations/" + invitation.get("id").asString() + "/decline",
                    token, null), 409, "invitation-answered");
        }
        assertThat(openInvitations(token)).isEmpty();

        String fresh = chains.token(person);
        assertProblem(chains.call("GET", "/api/v1/me", fresh, null), 400, "tenant-required");
        assertRole(chains.call("GET", "/api/v1/me", fresh, null, "X-Tenant", "invite-person"), "invite-person",
                "OWNER");
        assertRole(chains.call("GET", "/api/v1/me", fresh, null, "X-Tenant", "invite-b"), "invite-b", "MANAGER");
        assertRole(chains.call("GET", "/api/v1/me", fresh, null, "X-Tenant", "invite-c"), "invite-c",
                "RECEPTIONIST");
        assertThat(chains.call("POST", "/api/v1/locations", fresh, Chains.location("Pat's own"), "X-Tenant",
                "invite-person").status()).isEqualTo(201);
        assertThat(chains.call("POST", "/api/v1/locations", fresh, Chains.location("For B"), "X-Tenant", "invite-b")
                .status()).isEqualTo(201);
        assertProblem(chains.call("POST", "/api/v1/locations", fresh, Chains.location("Not C's"), "X-Tenant",
                "invite-c"), 403, "forbidden");
        assertProblem(chains.call("GET", "/api/v1/me", fresh, null, "X-Tenant", "invite-a"), 403, "forbidden");

        Http.Response staffOfB = chains.call("GET", "/api/v1/staff", chains.token(ownerB), null);
        JsonNode pat = staffOfB.json().valueStream().filter(m -> m.get("email").asString().equals(person))
                .findFirst().orElseThrow();
        assertThat(pat.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(pat.get("locationIds").get(0).asString()).isEqualTo(location);

        chains.call("POST", "/api/v1/staff/" + pat.get("id").asString() + "/disable", chains.token(ownerB), null);
        String afterDisable = chains.token(person);
        assertProblem(chains.call("GET", "/api/v1/me", afterDisable, null, "X-Tenant", "invite-b"), 403,
                "forbidden");
        assertRole(chains.call("GET", "/api/v1/me", afterDisable, null, "X-Tenant", "invite-person"),
                "invite-person", "OWNER");
        assertRole(chains.call("GET", "/api/v1/me", afterDisable, null, "X-Tenant", "invite-c"), "invite-c",
                "RECEPTIONIST");
    }

    @Test
    void aDeclinedInvitationLeavesNoMembershipAndTheChainMayAskAgain() {
        String person = "declines@invite.test";
        chains.plainAccount(person);
        String c = chains.token(ownerC);
        String memberId = chains.call("POST", "/api/v1/staff", c, """
                {"name":"Dee","email":"%s"}""".formatted(person)).json().get("id").asString();
        String token = chains.token(person);
        String invitation = openInvitations(token).get(0).get("id").asString();

        assertThat(chains.call("POST", "/api/v1/invitations/" + invitation + "/decline", token, null).status())
                .isEqualTo(204);
        assertThat(chains.call("GET", "/api/v1/staff/" + memberId, c, null).json().get("status").asString())
                .isEqualTo("DECLINED");
        assertProblem(chains.call("POST", "/api/v1/invitations/" + invitation + "/accept", token, null), 409,
                "invitation-answered");
        assertProblem(chains.call("GET", "/api/v1/me", chains.token(person), null), 403, "forbidden");

        Http.Response again = chains.call("POST", "/api/v1/staff", c, """
                {"name":"Dee","email":"%s","role":"RECEPTIONIST"}""".formatted(person));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(memberId);
        assertThat(again.json().get("status").asString()).isEqualTo("INVITED");
        String second = openInvitations(token).get(0).get("id").asString();
        assertThat(second).isNotEqualTo(invitation);
        assertThat(chains.call("POST", "/api/v1/invitations/" + second + "/accept", token, null).status())
                .isEqualTo(200);
        assertRole(chains.call("GET", "/api/v1/me", chains.token(person), null), "invite-c", "RECEPTIONIST");
    }

    @Test
    void anInvitationExpiresUnansweredAndCanBeSentAgain() {
        String person = "late@invite.test";
        chains.plainAccount(person);
        String c = chains.token(ownerC);
        String memberId = chains.call("POST", "/api/v1/staff", c, """
                {"name":"Lee","email":"%s"}""".formatted(person)).json().get("id").asString();
        String token = chains.token(person);
        String invitation = openInvitations(token).get(0).get("id").asString();

        ((MovableClock) clock).advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(openInvitations(token)).isEmpty();
        assertProblem(chains.call("POST", "/api/v1/invitations/" + invitation + "/accept", token, null), 410,
                "invitation-expired");
        assertProblem(chains.call("GET", "/api/v1/me", chains.token(person), null), 403, "forbidden");
        assertThat(chains.call("GET", "/api/v1/staff/" + memberId, c, null).json().get("status").asString())
                .isEqualTo("INVITATION_EXPIRED");

        assertThat(chains.call("POST", "/api/v1/staff", c, """
                {"name":"Lee","email":"%s"}""".formatted(person)).status()).isEqualTo(201);
        String renewed = openInvitations(token).get(0).get("id").asString();
        assertThat(chains.call("POST", "/api/v1/invitations/" + renewed + "/accept", token, null).status())
                .isEqualTo(200);
        assertRole(chains.call("GET", "/api/v1/me", chains.token(person), null), "invite-c", "STYLIST");
    }

    @Test
    void invitationsAreForSignedInAccountsAndOnlyTheirOwn() {
        assertProblem(chains.call("GET", "/api/v1/invitations", null, null), 401, "unauthorized");
        assertProblem(chains.call("POST", "/api/v1/invitations/" + java.util.UUID.randomUUID() + "/accept",
                chains.token(ownerA), null), 404, "not-found");
        assertProblem(chains.call("POST", "/api/v1/invitations/not-a-uuid/accept", chains.token(ownerA), null), 400,
                "malformed-request");
    }

    /** Names the identity server refuses are refused here first, as 400 naming the field; nothing is made. */
    @Test
    void namesTheIdentityServerRefusesAre400NamingTheFieldAndMakeNothing() {
        Http.Response signup = new Http(port).post("localhost", "/api/v1/signup", """
                {"chainName":"Names","slug":"invite-names","country":"GB","currency":"GBP","timezone":"Europe/London",
                 "locale":"en-GB","owner":{"name":"Cx <b>X</b>","email":"owner@invite-names.test",
                 "password":"a-long-password"}}""");
        JsonNode problem = assertProblem(signup, 400, "validation");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).contains("owner.name");
        assertThat(KEYCLOAK.adminClient().realm("atelier").users().searchByEmail("owner@invite-names.test", true))
                .isEmpty();

        String b = chains.token(ownerB);
        for (String name : List.of("Cx <b>X</b>", "a&b", "semi;colon", "(paren)", "back\\\\slash", "per%cent",
                "tab\\tname", "bell\\u0007")) {
            Http.Response added = chains.call("POST", "/api/v1/staff", b, """
                    {"name":"%s","email":"refused-name@invite.test"}""".formatted(name));
            JsonNode refused = assertProblem(added, 400, "validation");
            assertThat(refused.get("errors").valueStream().map(e -> e.get("field").asString())).contains("name");
        }
        assertThat(KEYCLOAK.adminClient().realm("atelier").users().searchByEmail("refused-name@invite.test", true))
                .isEmpty();
        Http.Response accepted = chains.call("POST", "/api/v1/staff", b, """
                {"name":"Zoë ‹O’Brien› 李娜","email":"fine-name@invite.test"}""");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    private JsonNode openInvitations(String token) {
        Http.Response response = chains.call("GET", "/api/v1/invitations", token, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void assertOwnerOf(Http.Response me, String slug) {
        assertRole(me, slug, "OWNER");
    }

    private static void assertRole(Http.Response me, String slug, String role) {
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("tenant").get("slug").asString()).isEqualTo(slug);
        assertThat(me.json().get("role").asString()).isEqualTo(role);
    }
}
