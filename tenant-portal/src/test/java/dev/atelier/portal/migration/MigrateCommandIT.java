package dev.atelier.portal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.PostgresServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.portal.TenantPortalApplication;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar tenant-portal.jar migrate} as the README runs it: the portal without a web server (so without
 * the web security it would otherwise configure) upgrades the fleet and exits 0.
 */
class MigrateCommandIT {

    static final TestCells CELLS = TestCells.create("migrate_command");

    @Test
    void theMigrateCommandStartsWithoutTheWebStackAndExitsZero() {
        PostgresServer postgres = TestServers.postgres();

        int exit = TenantPortalApplication.migrate("migrate", "--atelier.tenancy.registry-cell=main",
                "--atelier.tenancy.cells.main.url=" + postgres.jdbcUrl(CELLS.database(TestCells.MAIN)),
                "--atelier.tenancy.cells.main.username=" + postgres.username(),
                "--atelier.tenancy.cells.main.password=" + postgres.password());

        assertThat(exit).isZero();
    }
}
