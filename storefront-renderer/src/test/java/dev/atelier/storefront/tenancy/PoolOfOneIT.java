package dev.atelier.storefront.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantProvisioning;
import dev.atelier.platform.tenancy.internal.CellDataSources;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.Locations;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.storefront.StorefrontApplication;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * One pooled connection, two tenants, 1,000 storefront requests alternating between them: every answer holds only
 * its own tenant's rows, and after every request the connection is back on the neutral search path.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PoolOfOneIT {

    static final TestCells CELLS = TestCells.create("pool_of_one");

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 1);
        registry.add("atelier.tenancy.cells.second.accepts-new-tenants", () -> false);
        // no directory cache: every tenant look-up goes to the registry, on the same one-connection pool
        registry.add("atelier.tenancy.directory-ttl", () -> "0s");
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    LocationRepository locations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CellDataSources cells;

    @Test
    void alternatingTenantsOnOneConnectionNeverSeeEachOthersRows() throws Exception {
        Tenant north = provisioning.create(Tenants.shanghai("pool-north"));
        Tenant south = provisioning.create(Tenants.london("pool-south"));
        assertThat(north.placement().cell()).isEqualTo(south.placement().cell());
        TenantContext.asTenant(north, () -> transactions.executeWithoutResult(
                status -> locations.saveAll(List.of(Locations.named("North A"), Locations.named("North B")))));
        TenantContext.asTenant(south, () -> transactions.executeWithoutResult(
                status -> locations.save(Locations.named("South A"))));
        String neutral = searchPathOfAFreshConnection();
        Http http = new Http(port);

        int wrongRows = 0;
        for (int i = 0; i < 1_000; i++) {
            boolean isNorth = i % 2 == 0;
            Http.Response response = http.get(isNorth ? "pool-north.localhost" : "pool-south.localhost",
                    "/api/v1/catalog");
            assertThat(response.status()).as("request %d", i).isEqualTo(200);
            List<String> names = names(response.json());
            List<String> expected = isNorth ? List.of("North A", "North B") : List.of("South A");
            wrongRows += (int) names.stream().filter(name -> !expected.contains(name)).count();
            assertThat(names).as("request %d", i).containsExactlyElementsOf(expected);
            assertThat(searchPathOfThePooledConnection(north.placement().cell())).as("after request %d", i)
                    .isEqualTo(neutral);
        }
        assertThat(wrongRows).isZero();
        assertThat(cells.cell(north.placement().cell()).unwrap(HikariDataSource.class).getHikariPoolMXBean()
                .getActiveConnections()).as("connections still checked out").isZero();
    }

    private String searchPathOfThePooledConnection(String cell) throws Exception {
        try (Connection connection = cells.cell(cell).getConnection()) {
            return searchPath(connection);
        }
    }

    private static String searchPathOfAFreshConnection() throws Exception {
        try (Connection connection = TestCells.connect(CELLS.cellA())) {
            return searchPath(connection);
        }
    }

    private static String searchPath(Connection connection) throws Exception {
        try (ResultSet rs = connection.createStatement()
                .executeQuery(
                        "select current_setting('search_path') || ' | ' || array_to_string(current_schemas(false), ',')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> names(JsonNode catalog) {
        List<String> names = new ArrayList<>();
        catalog.get("locations").forEach(location -> names.add(location.get("name").asString()));
        return names;
    }
}
