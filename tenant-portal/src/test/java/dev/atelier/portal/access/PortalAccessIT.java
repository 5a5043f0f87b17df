package dev.atelier.portal.access;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal as an OAuth2 resource server against real Keycloak: forged and wrong tokens are 401/403 and never 5xx;
 * the tenant is the token's organization; staff roles come from the tenant's data, and disabling a member refuses
 * their still-valid token at once; platform endpoints need the platform role.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalAccessIT {

    static final TestCells CELLS = TestCells.create("access");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
        registry.add("atelier.identity.clock-skew", () -> "0s");
    }

    @LocalServerPort
    int port;

    Chains chains;
    String ownerA;
    String ownerB;

    @BeforeAll
    void chains() {
        chains = new Chains(new Http(port), KEYCLOAK);
        ownerA = chains.signUp("access-a");
        ownerB = chains.signUp("access-b");
    }

    @Test
    void staffRolesComeFromTheTenantAndDisablingRefusesAStillValidTokenAtOnce() {
        String owner = chains.token(ownerA);
        String location = chains.addLocation(owner, "Soho");
        String stylistId = chains.addStaff(owner, "stylist@access-a.test", "STYLIST", location);
        String stylist = chains.token("stylist@access-a.test");

        Http.Response me = chains.call("GET", "/api/v1/me", stylist, null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("role").asString()).isEqualTo("STYLIST");
        assertThat(me.json().get("tenant").get("slug").asString()).isEqualTo("access-a");
        assertThat(me.json().get("tenant").get("currency").asString()).as("the chain's, from signup").isEqualTo("GBP");
        assertThat(me.json().get("tenant").get("timezone").asString()).isEqualTo("Europe/London");
        assertThat(chains.call("GET", "/api/v1/locations", stylist, null).status()).isEqualTo(200);
        assertProblem(chains.call("POST", "/api/v1/locations", stylist, Chains.location("Mine")), 403, "forbidden");
        assertProblem(chains.call("POST", "/api/v1/staff", stylist, """
                {"name":"Friend","email":"friend@access-a.test"}"""), 403, "forbidden");

        Http.Response disabled = chains.call("POST", "/api/v1/staff/" + stylistId + "/disable", owner, null);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("status").asString()).isEqualTo("DISABLED");
        assertProblem(chains.call("GET", "/api/v1/me", stylist, null), 403, "forbidden");
        assertProblem(chains.call("GET", "/api/v1/locations", stylist, null), 403, "forbidden");

        assertThat(chains.call("POST", "/api/v1/staff/" + stylistId + "/enable", owner, null).status())
                .isEqualTo(200);
        assertThat(chains.call("GET", "/api/v1/me", chains.token("stylist@access-a.test"), null).status())
                .isEqualTo(200);
    }

    @Test
    void managersManageOnlyReceptionistsAndStylistsAndAChainKeepsAnOwner() {
        String owner = chains.token(ownerA);
        String managerId = chains.addStaff(owner, "manager@access-a.test", "MANAGER");
        String manager = chains.token("manager@access-a.test");

        assertProblem(chains.call("POST", "/api/v1/staff", manager, """
                {"name":"Boss","email":"boss@access-a.test","role":"OWNER","password":"a-long-password"}"""),
                403, "forbidden");
        assertProblem(chains.call("POST", "/api/v1/staff/" + managerId + "/disable", manager, null), 403,
                "forbidden");
        String receptionistId = chains.addStaff(manager, "desk@access-a.test", "RECEPTIONIST");
        assertThat(chains.call("PATCH", "/api/v1/staff/" + receptionistId, manager, """
                {"role":"STYLIST"}""").json().get("role").asString()).isEqualTo("STYLIST");
        assertProblem(chains.call("PATCH", "/api/v1/staff/" + receptionistId, manager, """
                {"role":"MANAGER"}"""), 403, "forbidden");

        String ownMembership = chains.call("GET", "/api/v1/staff", owner, null).json().valueStream()
                .filter(member -> member.get("email").asString().equals(ownerA))
                .findFirst().orElseThrow().get("id").asString();
        assertProblem(chains.call("POST", "/api/v1/staff/" + ownMembership + "/disable", owner, null), 409,
                "last-owner");
        assertProblem(chains.call("PATCH", "/api/v1/staff/" + ownMembership, owner, """
                {"role":"STYLIST"}"""), 409, "last-owner");
        assertProblem(chains.call("POST", "/api/v1/staff", owner, """
                {"name":"Again","email":"manager@access-a.test","role":"STYLIST"}"""), 409, "member-exists");
    }

    @Test
    void forgedAndWrongTokensAre401Or403AndNever5xx() throws Exception {
        String owner = chains.token(ownerA);
        String other = chains.token(ownerB);
        String[] ownerParts = owner.split("\\.");
        String[] otherParts = other.split("\\.");

        assertProblem(chains.call("GET", "/api/v1/me", null, null), 401, "unauthorized");
        assertProblem(chains.call("GET", "/api/v1/me", "not-a-token", null), 401, "unauthorized");
        String none = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + ownerParts[1] + ".";
        assertProblem(chains.call("GET", "/api/v1/me", none, null), 401, "unauthorized");
        String hs256 = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + ownerParts[1] + "." + ownerParts[2];
        assertProblem(chains.call("GET", "/api/v1/me", hs256, null), 401, "unauthorized");
        String badSignature = ownerParts[0] + "." + ownerParts[1] + "." + flip(ownerParts[2]);
        assertProblem(chains.call("GET", "/api/v1/me", badSignature, null), 401, "unauthorized");
        String swapped = ownerParts[0] + "." + otherParts[1] + "." + ownerParts[2];
        assertProblem(chains.call("GET", "/api/v1/me", swapped, null), 401, "unauthorized");

        String masterRealm = KEYCLOAK.accessToken("master", "admin-cli", KEYCLOAK.adminUsername(),
                KEYCLOAK.adminPassword(), null);
        assertProblem(chains.call("GET", "/api/v1/me", masterRealm, null), 401, "unauthorized");

        chains.testClient("no-audience", false, null);
        assertProblem(chains.call("GET", "/api/v1/me", chains.tokenFrom("no-audience", ownerA), null), 401,
                "unauthorized");

        // 5 s: exp is in whole seconds, so the first call must be safely inside it even on a loaded machine
        chains.testClient("short-lived", true, 5);
        String shortLived = chains.tokenFrom("short-lived", ownerA);
        assertThat(chains.call("GET", "/api/v1/me", shortLived, null).status()).isEqualTo(200);
        waitUntilExpired(shortLived);
        assertProblem(chains.call("GET", "/api/v1/me", shortLived, null), 401, "unauthorized");

        assertProblem(chains.call("GET", "/api/v1/me", owner, null, "X-Tenant", "access-b"), 403, "forbidden");
        assertProblem(chains.call("GET", "/api/v1/me", owner, null, "X-Tenant", "../../etc"), 403, "forbidden");
        assertThat(chains.call("GET", "/api/v1/me", owner, null, "X-Tenant", "access-a").status()).isEqualTo(200);
    }

    @Test
    void platformEndpointsNeedThePlatformRoleAndSuspendingAChainShutsItsStaffOut() {
        String admin = KEYCLOAK.accessToken("atelier", "atelier-dev", "admin@atelier.test", "atelier-admin",
                Chains.SCOPE);
        String owner = chains.token(ownerB);

        assertProblem(chains.call("GET", "/api/v1/platform/tenants", null, null), 401, "unauthorized");
        assertProblem(chains.call("GET", "/api/v1/platform/tenants", owner, null), 403, "forbidden");
        assertProblem(chains.call("GET", "/api/v1/me", admin, null), 403, "forbidden");
        Http.Response tenants = chains.call("GET", "/api/v1/platform/tenants", admin, null);
        assertThat(tenants.status()).isEqualTo(200);
        assertThat(tenants.json().valueStream().map(t -> t.get("slug").asString()))
                .contains("access-a", "access-b");

        assertThat(chains.call("POST", "/api/v1/platform/tenants/access-b/suspend", admin, null).json()
                .get("status").asString()).isEqualTo("SUSPENDED");
        assertProblem(chains.call("GET", "/api/v1/me", owner, null), 403, "forbidden");
        assertThat(chains.call("POST", "/api/v1/platform/tenants/access-b/activate", admin, null).status())
                .isEqualTo(200);
        assertThat(chains.call("GET", "/api/v1/me", owner, null).status()).isEqualTo(200);
        assertProblem(chains.call("POST", "/api/v1/platform/tenants/no-such-chain/suspend", admin, null), 404,
                "not-found");
    }

    /** Real tokens expire on Keycloak's clock: wait until a second past the token's own {@code exp}. */
    private static void waitUntilExpired(String token) throws InterruptedException {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        long expiresAt = JsonMapper.builder().build().readTree(payload).get("exp").asLong() * 1_000;
        Thread.sleep(Math.max(0, expiresAt + 1_000 - System.currentTimeMillis()));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String flip(String signature) {
        char[] chars = signature.toCharArray();
        int middle = chars.length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new String(chars);
    }
}
