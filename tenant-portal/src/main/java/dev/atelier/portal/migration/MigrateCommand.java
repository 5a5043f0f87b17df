package dev.atelier.portal.migration;

import dev.atelier.platform.tenancy.FleetMigration;
import dev.atelier.platform.tenancy.MigrationInProgressException;
import dev.atelier.platform.tenancy.MigrationReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code migrate}: upgrades every tenant schema that is not current, prints what happened, and exits non-zero if any
 * tenant failed (those are marked and answered 503 until a later run succeeds for them), or 2 if another run holds
 * the fleet lock.
 */
@Component
@Profile(MigrateCommand.NAME)
public class MigrateCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String NAME = "migrate";

    private final FleetMigration fleetMigration;
    private MigrationReport report;
    private boolean anotherRunInProgress;

    MigrateCommand(FleetMigration fleetMigration) {
        this.fleetMigration = fleetMigration;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            report = fleetMigration.migrateAll();
        } catch (MigrationInProgressException e) {
            anotherRunInProgress = true;
            System.err.println(e.getMessage());
            return;
        }
        System.out.println(report);
        report.failures().forEach(failure -> System.out.printf("  FAILED %s (%s): %s%n", failure.slug(),
                failure.tenant(), failure.error()));
    }

    @Override
    public int getExitCode() {
        if (anotherRunInProgress) {
            return 2;
        }
        return report == null || report.succeeded() ? 0 : 1;
    }
}
