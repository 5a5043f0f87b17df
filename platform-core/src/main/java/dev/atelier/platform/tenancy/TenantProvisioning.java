package dev.atelier.platform.tenancy;

import dev.atelier.platform.tenancy.internal.CellDataSources;
import dev.atelier.platform.tenancy.internal.TenantRegistry;
import dev.atelier.platform.tenancy.internal.TenantSchemaMigrator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;

/**
 * Creates tenants: picks a cell, creates and migrates the tenant's schema there, then records the tenant in the
 * registry. The registry entry is written last and in one transaction, so a failure at any step leaves no registry
 * row pointing at a missing schema; a schema created before the failure is dropped again.
 */
public class TenantProvisioning {

    private static final Logger log = LoggerFactory.getLogger(TenantProvisioning.class);

    private final TenantRegistry registry;
    private final CellDataSources cells;
    private final TenantSchemaMigrator migrator;
    private final TenancyProperties properties;
    private final Clock clock;

    public TenantProvisioning(TenantRegistry registry, CellDataSources cells, TenantSchemaMigrator migrator,
            TenancyProperties properties, Clock clock) {
        this.registry = registry;
        this.cells = cells;
        this.migrator = migrator;
        this.properties = properties;
        this.clock = clock;
    }

    public Tenant create(NewTenant request) {
        if (registry.slugTaken(request.slug())) {
            throw new SlugTakenException(request.slug());
        }
        TenantId id = TenantId.random();
        String cell = chooseCell();
        TenantPlacement placement = new TenantPlacement(cell, SchemaName.forTenant(id), properties.realm(), null);
        DataSource cellDataSource = cells.cell(cell);
        Instant now = clock.instant();
        Tenant tenant = new Tenant(id, request.slug(), request.name(), TenantStatus.TRIAL, request.plan(),
                request.locale(), request.currency(), request.timezone(), request.country(), placement,
                new MigrationState(migrator.targetVersion(), MigrationState.Status.CURRENT, null, 1, now), now);
        try {
            migrator.create(cellDataSource, placement.schema());
            registry.insert(tenant);
            log.info("created tenant {} ({}) on cell {} in schema {}", tenant.slug(), id, cell, placement.schema());
            return tenant;
        } catch (DuplicateKeyException e) {
            undo(cellDataSource, placement);
            throw new SlugTakenException(request.slug());
        } catch (RuntimeException e) {
            undo(cellDataSource, placement);
            throw e;
        }
    }

    /** Records the identity organization holding {@code tenant}'s members; returns the tenant as now placed. */
    public Tenant linkOrganization(Tenant tenant, String organizationId) {
        registry.linkOrganization(tenant.id(), organizationId);
        TenantPlacement placement = tenant.placement();
        return new Tenant(tenant.id(), tenant.slug(), tenant.name(), tenant.status(), tenant.plan(), tenant.locale(),
                tenant.currency(), tenant.timezone(), tenant.country(), new TenantPlacement(placement.cell(),
                        placement.schema(), placement.realm(), organizationId),
                tenant.migration(), tenant.createdAt());
    }

    /** Deletes a tenant's registry entry and drops its schema: the compensation for a signup that failed later. */
    public void destroy(Tenant tenant) {
        registry.delete(tenant.id());
        undo(cells.cell(tenant.placement().cell()), tenant.placement());
    }

    /** The cell taking new tenants that holds the fewest now; ties go to the first in configuration order. */
    String chooseCell() {
        Map<String, Long> counts = registry.tenantsPerCell();
        return properties.cells().entrySet().stream()
                .filter(entry -> entry.getValue().acceptsNewTenants())
                .map(Map.Entry::getKey)
                .min(Comparator.comparingLong(name -> counts.getOrDefault(name, 0L)))
                .orElseThrow(NoCellAcceptsTenantsException::new);
    }

    private void undo(DataSource cell, TenantPlacement placement) {
        try {
            migrator.drop(cell, placement.schema());
        } catch (RuntimeException e) {
            log.error("could not drop schema {} on cell {} after a failed tenant creation", placement.schema(),
                    placement.cell(), e);
        }
    }
}
