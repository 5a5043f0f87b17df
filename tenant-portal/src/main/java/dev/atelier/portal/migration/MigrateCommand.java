package dev.atelier.portal.migration;

import dev.atelier.platform.tenancy.FleetMigration;
import dev.atelier.platform.tenancy.MigrationReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code migrate}: upgrades every tenant schema that is not current, prints what happened, and exits non-zero if any
 * tenant failed (those are marked and answered 503 until a later run succeeds for them).
 */
@Component
@Profile(MigrateCommand.NAME)
public class MigrateCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final String NAME = "migrate";

    private final FleetMigration fleetMigration;
    private MigrationReport report;

    MigrateCommand(FleetMigration fleetMigration) {
        this.fleetMigration = fleetMigration;
    }

    @Override
    public void run(ApplicationArguments args) {
        report = fleetMigration.migrateAll();
        System.out.println(report);
        report.failures().forEach(failure -> System.out.printf("  FAILED %s (%s): %s%n", failure.slug(),
                failure.tenant(), failure.error()));
    }

    @Override
    public int getExitCode() {
        return report == null || report.succeeded() ? 0 : 1;
    }
}
