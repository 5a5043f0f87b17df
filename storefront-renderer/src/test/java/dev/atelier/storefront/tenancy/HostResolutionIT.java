package dev.atelier.storefront.tenancy;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantProvisioning;
import dev.atelier.platform.tenancy.TenantStatus;
import dev.atelier.platform.tenancy.internal.TenantRegistry;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.storefront.StorefrontApplication;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The storefront knows its tenant from the host name only; any other host gets the same neutral 404. */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostResolutionIT {

    static final TestCells CELLS = TestCells.create("host_resolution");

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    TenantRegistry registry;

    @Autowired
    TenantDirectory directory;

    @Test
    void aTenantsSubdomainServesItsCatalog() {
        provisioning.create(Tenants.shanghai("host-known"));

        Http.Response response = new Http(port).get("HOST-KNOWN.localhost:8080", "/api/v1/catalog");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("tenant").get("slug").asString()).isEqualTo("host-known");
        assertThat(response.json().get("tenant").get("name").asString()).isEqualTo("Chain host-known");
    }

    @Test
    void aChainsHostIsNamedAsTheRegistryHasItNeverAsTheRequestSpellsIt() {
        provisioning.create(Tenants.shanghai("host-named"));
        String metadata = "http://host-named.localhost:8080/.well-known/oauth-protected-resource";
        Http http = new Http(port);

        for (String host : new String[]{"host-named.localhost", "HOST-NAMED.localhost:6666", "host-named.localhost."}) {
            Http.Response refused = http.get(host, "/api/v1/me");
            assertThat(refused.status()).as(host).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).as(host).contains("resource_metadata=\"" + metadata + "\"");
            assertThat(http.get(host, "/.well-known/oauth-protected-resource").json().get("resource").asString())
                    .as(host).isEqualTo("http://host-named.localhost:8080");
        }
        for (String host : new String[]{"nobody-here.localhost", "evil.example", "host-named.evil.example"}) {
            assertThat(http.get(host, "/api/v1/me").header("WWW-Authenticate")).as(host)
                    .contains("resource_metadata=\"http://localhost:8080/.well-known/oauth-protected-resource\"");
            assertThat(http.get(host, "/.well-known/oauth-protected-resource").json().get("resource").asString())
                    .as(host).isEqualTo("http://localhost:8080");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nobody-here.localhost", "localhost", "a.b.localhost", "www.localhost",
            "ab.localhost", "admin.localhost", "evil.example.com", "127.0.0.1"})
    void anyOtherHostIsANeutral404Problem(String host) {
        Http.Response response = new Http(port).get(host, "/api/v1/catalog");

        assertThat(assertProblem(response, 404, "not-found")).isEqualTo(neutral404());
    }

    @Test
    void aClosedTenantIsNoLongerServedAndLooksLikeNoTenantAtAll() {
        Tenant tenant = provisioning.create(Tenants.london("host-closing"));
        Http http = new Http(port);
        assertThat(http.get("host-closing.localhost", "/api/v1/catalog").status()).as("served and cached")
                .isEqualTo(200);

        registry.changeStatus(tenant.id(), TenantStatus.CLOSED, Instant.now());
        directory.evict(tenant);

        assertThat(assertProblem(http.get("host-closing.localhost", "/api/v1/catalog"), 404, "not-found"))
                .isEqualTo(neutral404());
    }

    private JsonNode neutral404() {
        return new Http(port).get("never-a-tenant.localhost", "/api/v1/catalog").json();
    }
}
