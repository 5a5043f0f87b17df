package dev.atelier.platform.tenancy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenancy settings under {@code atelier.tenancy}: the cells (named PostgreSQL DataSources), which cell holds the
 * registry, the identity realm new tenants get, and how the fleet migration and tenant look-ups behave.
 */
@ConfigurationProperties("atelier.tenancy")
public record TenancyProperties(Map<String, Cell> cells, String registryCell, @DefaultValue("atelier") String realm,
        @DefaultValue("4") int migrationWorkers, @DefaultValue("5s") Duration directoryTtl) {

    public TenancyProperties {
        cells = cells == null ? Map.of() : new LinkedHashMap<>(cells);
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("atelier.tenancy.cells must name at least one cell");
        }
        if (registryCell == null) {
            registryCell = cells.keySet().iterator().next();
        }
        if (!cells.containsKey(registryCell)) {
            throw new IllegalArgumentException(
                    "atelier.tenancy.registry-cell names no configured cell: " + registryCell);
        }
        if (migrationWorkers < 1) {
            throw new IllegalArgumentException("atelier.tenancy.migration-workers must be at least 1");
        }
    }

    /**
     * One cell: a PostgreSQL database reached through its own pool. {@code acceptsNewTenants} false keeps a full cell
     * serving its tenants while new ones go elsewhere.
     */
    public record Cell(String url, @DefaultValue("postgres") String username, @DefaultValue("") String password,
            @DefaultValue("10") int maxPoolSize, @DefaultValue("true") boolean acceptsNewTenants) {

        public Cell {
            Objects.requireNonNull(url, "cell url");
        }
    }
}
