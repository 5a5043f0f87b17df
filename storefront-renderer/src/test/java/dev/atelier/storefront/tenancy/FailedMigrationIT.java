package dev.atelier.storefront.tenancy;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.tenancy.FleetMigration;
import dev.atelier.platform.tenancy.MigrationReport;
import dev.atelier.platform.tenancy.MigrationState;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantProvisioning;
import dev.atelier.platform.tenancy.internal.CellDataSources;
import dev.atelier.platform.tenancy.internal.TenantRegistry;
import dev.atelier.platform.tenancy.internal.TenantSchemaMigrator;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.storefront.StorefrontApplication;
import java.sql.Connection;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A release adds a changeset; one tenant's schema refuses it. That tenant is marked and answered 503 while the other
 * is upgraded and served; once the cause is fixed, running the migration again completes it.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FailedMigrationIT {

    static final TestCells CELLS = TestCells.create("failed_migration");

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

    @Autowired
    CellDataSources cells;

    @Test
    void aFailedTenantIs503WhileTheOthersAreServedAndARerunAfterTheFixCompletesIt() throws Exception {
        Tenant broken = provisioning.create(Tenants.shanghai("next-breaks"));
        Tenant healthy = provisioning.create(Tenants.london("next-works"));
        execute(broken, "create table loyalty_card (legacy text)");
        FleetMigration nextRelease = new FleetMigration(registry, cells,
                new TenantSchemaMigrator("db/tenant-next/changelog-master.xml"), directory, Clock.systemUTC(), 2);
        Http http = new Http(port);

        MigrationReport first = nextRelease.migrateAll();

        assertThat(first.considered()).isEqualTo(2);
        assertThat(first.upgraded()).isEqualTo(1);
        assertThat(first.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.tenant()).isEqualTo(broken.id());
            assertThat(failure.error()).contains("loyalty_card");
        });
        assertThat(registry.findById(broken.id()).orElseThrow().migration().status())
                .isEqualTo(MigrationState.Status.FAILED);
        assertThat(registry.findById(healthy.id()).orElseThrow().migration())
                .extracting(MigrationState::status, MigrationState::schemaVersion)
                .containsExactly(MigrationState.Status.CURRENT, "9001-next");

        assertProblem(http.get("next-breaks.localhost", "/api/v1/catalog"), 503, "tenant-unavailable");
        assertThat(http.get("next-works.localhost", "/api/v1/catalog").status()).isEqualTo(200);

        execute(broken, "drop table loyalty_card");
        MigrationReport rerun = nextRelease.migrateAll();

        assertThat(rerun.considered()).as("only the tenant left behind").isEqualTo(1);
        assertThat(rerun.succeeded()).isTrue();
        assertThat(registry.findById(broken.id()).orElseThrow().migration())
                .extracting(MigrationState::status, MigrationState::schemaVersion, MigrationState::attempts)
                .containsExactly(MigrationState.Status.CURRENT, "9001-next", 3);
        assertThat(http.get("next-breaks.localhost", "/api/v1/catalog").status()).isEqualTo(200);
        assertThat(nextRelease.migrateAll().considered()).as("nothing left to do").isZero();
    }

    private static void execute(Tenant tenant, String sql) throws Exception {
        try (Connection connection = TestCells.connect(CELLS.database(tenant.placement().cell()))) {
            connection.createStatement().execute("set search_path to " + tenant.placement().schema().quoted());
            connection.createStatement().execute(sql);
        }
    }
}
