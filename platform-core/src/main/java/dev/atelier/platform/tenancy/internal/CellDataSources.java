package dev.atelier.platform.tenancy.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.atelier.platform.tenancy.CellPools;
import dev.atelier.platform.tenancy.TenancyProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** One connection pool per cell, built from configuration; the registry cell's pool also serves the registry. */
public final class CellDataSources implements CellPools, AutoCloseable {

    private final Map<String, HikariDataSource> pools = new LinkedHashMap<>();
    private final String registryCell;

    public CellDataSources(TenancyProperties properties) {
        this.registryCell = properties.registryCell();
        properties.cells().forEach((name, cell) -> pools.put(name, pool(name, cell)));
    }

    private static HikariDataSource pool(String name, TenancyProperties.Cell cell) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cell-" + name);
        config.setJdbcUrl(cell.url());
        config.setUsername(cell.username());
        config.setPassword(cell.password());
        config.setMaximumPoolSize(cell.maxPoolSize());
        config.setMinimumIdle(Math.min(2, cell.maxPoolSize()));
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    public DataSource registry() {
        return pools.get(registryCell);
    }

    @Override
    public DataSource cell(String name) {
        HikariDataSource pool = pools.get(name);
        if (pool == null) {
            throw new IllegalStateException(
                    "tenant placed on unknown cell '" + name + "': check atelier.tenancy.cells");
        }
        return pool;
    }

    @Override
    public Set<String> names() {
        return pools.keySet();
    }

    /** Drops a connection from its pool instead of returning it, for a connection whose state cannot be trusted. */
    void evict(String cell, java.sql.Connection connection) {
        pools.get(cell).evictConnection(connection);
    }

    @Override
    public void close() {
        pools.values().forEach(HikariDataSource::close);
    }
}
