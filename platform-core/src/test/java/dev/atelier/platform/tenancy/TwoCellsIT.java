package dev.atelier.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.TestPlatformApplication;
import dev.atelier.platform.catalog.Location;
import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.testing.Locations;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Two tenants on two cells: each tenant's rows are only in its own schema on its own cell. */
@SpringBootTest(classes = TestPlatformApplication.class)
class TwoCellsIT {

    static final TestCells CELLS = TestCells.create("two_cells");

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
    }

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    LocationRepository locations;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void eachTenantsRowsLandOnlyInItsOwnSchemaOnItsOwnCell() throws Exception {
        Tenant alpha = provisioning.create(Tenants.shanghai("alpha-cells"));
        Tenant beta = provisioning.create(Tenants.london("beta-cells"));
        assertThat(List.of(alpha.placement().cell(), beta.placement().cell())).as("the fewest-tenants placement")
                .containsExactly(TestCells.MAIN, TestCells.SECOND);

        TenantContext.asTenant(alpha, () -> transactions.executeWithoutResult(
                status -> locations.saveAll(List.of(Locations.named("Alpha One"), Locations.named("Alpha Two")))));
        TenantContext.asTenant(beta, () -> transactions.executeWithoutResult(
                status -> locations.save(Locations.named("Beta One"))));

        assertThat(namesAs(alpha)).containsExactly("Alpha One", "Alpha Two");
        assertThat(namesAs(beta)).containsExactly("Beta One");

        String alphaDb = CELLS.database(alpha.placement().cell());
        String betaDb = CELLS.database(beta.placement().cell());
        assertThat(TestCells.tenantSchemas(alphaDb)).contains(alpha.placement().schema().value())
                .doesNotContain(beta.placement().schema().value());
        assertThat(TestCells.tenantSchemas(betaDb)).contains(beta.placement().schema().value())
                .doesNotContain(alpha.placement().schema().value());
        assertThat(storedNames(alphaDb, alpha.placement().schema())).containsExactly("Alpha One", "Alpha Two");
        assertThat(storedNames(betaDb, beta.placement().schema())).containsExactly("Beta One");
        assertThat(rowsOutsideTenantSchemas(alphaDb)).isZero();
        assertThat(rowsOutsideTenantSchemas(betaDb)).isZero();
    }

    @Test
    void switchingTenantInsideATransactionIsRefused() {
        Tenant first = provisioning.create(Tenants.shanghai("switch-first"));
        Tenant second = provisioning.create(Tenants.london("switch-second"));

        assertThatThrownBy(() -> TenantContext.asTenant(first, () -> transactions.executeWithoutResult(
                status -> TenantContext.asTenant(second, () -> locations.findAllByOrderByName()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a transaction");
    }

    private List<String> namesAs(Tenant tenant) {
        return TenantContext.asTenant(tenant, () -> transactions.execute(
                status -> locations.findAllByOrderByName().stream().map(Location::name).toList()));
    }

    private static List<String> storedNames(String database, SchemaName schema) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = TestCells.connect(database);
                ResultSet rs = connection.createStatement()
                        .executeQuery("select name from " + schema.quoted() + ".location order by name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Location tables anywhere but in tenant schemas (e.g. public) would mean a write missed its schema. */
    private static int rowsOutsideTenantSchemas(String database) throws Exception {
        try (Connection connection = TestCells.connect(database);
                ResultSet rs = connection.createStatement().executeQuery("""
                        select count(*) from information_schema.tables
                         where table_name = 'location' and table_schema not like 't\\_%'
                        """)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
