package dev.atelier.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.platform.TestPlatformApplication;
import dev.atelier.platform.tenancy.internal.CellDataSources;
import dev.atelier.platform.tenancy.internal.TenantRegistry;
import dev.atelier.platform.tenancy.internal.TenantSchemaMigrator;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Creating a tenant is all or nothing: a failure leaves neither a schema nor a registry row behind. */
@SpringBootTest(classes = TestPlatformApplication.class)
class TenantProvisioningIT {

    static final TestCells CELLS = TestCells.create("provisioning");

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
    }

    @Autowired
    TenantProvisioning provisioning;

    @Autowired
    TenantRegistry registry;

    @Autowired
    CellDataSources cells;

    @Autowired
    TenancyProperties properties;

    @Test
    void aNewTenantIsOnTrialWithAMigratedSchemaAndARegistryEntry() throws Exception {
        Tenant created = provisioning.create(Tenants.shanghai("provisioned"));

        Tenant stored = registry.findBySlug(Slug.of("provisioned")).orElseThrow();
        assertThat(stored.status()).isEqualTo(TenantStatus.TRIAL);
        assertThat(stored.migration().status()).isEqualTo(MigrationState.Status.CURRENT);
        assertThat(stored.migration().schemaVersion()).isEqualTo("0018-customer-preferences");
        assertThat(stored.placement()).isEqualTo(created.placement());
        assertThat(TestCells.tenantSchemas(CELLS.database(created.placement().cell())))
                .contains(created.placement().schema().value());
    }

    @Test
    void aTakenSlugIsRefusedAndCreatesNothing() throws Exception {
        provisioning.create(Tenants.london("taken-slug"));
        int schemasBefore = allTenantSchemas();

        assertThatThrownBy(() -> provisioning.create(Tenants.shanghai("taken-slug")))
                .isInstanceOf(SlugTakenException.class);
        assertThat(allTenantSchemas()).isEqualTo(schemasBefore);
    }

    @Test
    void aMigrationFailureLeavesNoSchemaAndNoRegistryRow() throws Exception {
        TenantProvisioning failing = new TenantProvisioning(registry, cells,
                new TenantSchemaMigrator("db/tenant-broken/changelog-master.xml"), properties, Clock.systemUTC());
        int schemasBefore = allTenantSchemas();

        assertThatThrownBy(() -> failing.create(Tenants.london("half-made")))
                .isInstanceOf(TenantSchemaMigrator.SchemaMigrationException.class);

        assertThat(registry.findBySlug(Slug.of("half-made"))).isEmpty();
        assertThat(allTenantSchemas()).isEqualTo(schemasBefore);
        Tenant retried = provisioning.create(Tenants.london("half-made"));
        assertThat(registry.findBySlug(Slug.of("half-made"))).map(Tenant::id).contains(retried.id());
    }

    private int allTenantSchemas() throws Exception {
        return TestCells.tenantSchemas(CELLS.cellA()).size() + TestCells.tenantSchemas(CELLS.cellB()).size();
    }
}
