package dev.atelier.platform.tenancy;

import dev.atelier.platform.tenancy.internal.CellDataSources;
import dev.atelier.platform.tenancy.internal.TenantRegistry;
import dev.atelier.platform.tenancy.internal.TenantSchemaMigrator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades every tenant schema that is not current, from a bounded pool of workers. Each tenant's outcome is recorded
 * in the registry as it happens, so a run that stops part-way is resumed by the next one; a tenant whose upgrade
 * fails is marked FAILED (and answered 503) while the others go on.
 */
public class FleetMigration {

    private static final Logger log = LoggerFactory.getLogger(FleetMigration.class);

    private final TenantRegistry registry;
    private final CellDataSources cells;
    private final TenantSchemaMigrator migrator;
    private final TenantDirectory directory;
    private final Clock clock;
    private final int workers;

    public FleetMigration(TenantRegistry registry, CellDataSources cells, TenantSchemaMigrator migrator,
            TenantDirectory directory, Clock clock, int workers) {
        this.registry = registry;
        this.cells = cells;
        this.migrator = migrator;
        this.directory = directory;
        this.clock = clock;
        this.workers = workers;
    }

    /**
     * Upgrades every tenant schema not yet current. Only one run at a time across the platform: a second one started
     * meanwhile fails at once with {@link MigrationInProgressException} instead of racing the first.
     */
    public MigrationReport migrateAll() {
        return registry.exclusively("fleet-migration", this::run).orElseThrow(MigrationInProgressException::new);
    }

    private MigrationReport run() {
        Instant started = clock.instant();
        String target = migrator.targetVersion();
        List<Tenant> pending = registry.needingMigrationTo(target);
        log.info("fleet migration to {}: {} tenant schemas to upgrade with {} workers", target, pending.size(),
                workers);
        List<MigrationReport.Failure> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            List<Future<Optional<MigrationReport.Failure>>> outcomes = new ArrayList<>();
            for (Tenant tenant : pending) {
                outcomes.add(pool.submit(() -> migrate(tenant, target)));
            }
            for (Future<Optional<MigrationReport.Failure>> outcome : outcomes) {
                outcome.get().ifPresent(failures::add);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fleet migration interrupted; run it again to resume", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("fleet migration worker crashed; run it again to resume", e.getCause());
        }
        MigrationReport report = new MigrationReport(target, pending.size(), pending.size() - failures.size(),
                List.copyOf(failures), Duration.between(started, clock.instant()));
        log.info("{}", report);
        return report;
    }

    private Optional<MigrationReport.Failure> migrate(Tenant tenant, String target) {
        try {
            registry.markMigrationRunning(tenant.id(), clock.instant());
            migrator.migrate(cells.cell(tenant.placement().cell()), tenant.placement().schema());
            registry.markMigrationCurrent(tenant.id(), target, clock.instant());
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("migration of tenant {} ({}) failed: {}", tenant.slug(), tenant.id(), e.getMessage());
            try {
                registry.markMigrationFailed(tenant.id(), e.getMessage(), clock.instant());
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded);
                log.error("could not record the failed migration of tenant {}", tenant.slug(), unrecorded);
            }
            return Optional.of(new MigrationReport.Failure(tenant.slug(), tenant.id(), e.getMessage()));
        } finally {
            directory.evict(tenant);
        }
    }
}
