package dev.atelier.platform.tenancy.internal;

import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands Hibernate a connection from the tenant's cell with the tenant's schema on its search path, and puts the
 * connection back to the neutral search path before the pool sees it again. A connection whose reset fails is
 * evicted, never returned: a pool must not hand a switched connection to the next borrower. Releasing never looks
 * anything up (each borrowed connection's cell is remembered), so it cannot wait on a pool while holding a connection.
 */
public class SchemaPerTenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    private static final Logger log = LoggerFactory.getLogger(SchemaPerTenantConnectionProvider.class);

    private final CellDataSources cells;
    private final TenantDirectory directory;
    private final Map<Connection, String> cellOfBorrowed = new ConcurrentHashMap<>();

    public SchemaPerTenantConnectionProvider(CellDataSources cells, TenantDirectory directory) {
        this.cells = cells;
        this.directory = directory;
    }

    @Override
    public Connection getAnyConnection() throws SQLException {
        return cells.registry().getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenantIdentifier) throws SQLException {
        Tenant tenant = tenant(tenantIdentifier);
        String cell = tenant.placement().cell();
        Connection connection = cells.cell(cell).getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + tenant.placement().schema().quoted() + ", public");
        } catch (SQLException e) {
            cells.evict(cell, connection);
            connection.close();
            throw e;
        }
        cellOfBorrowed.put(connection, cell);
        return connection;
    }

    @Override
    public void releaseConnection(String tenantIdentifier, Connection connection) throws SQLException {
        String cell = cellOfBorrowed.remove(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("reset search_path");
        } catch (SQLException e) {
            log.warn("could not reset the search path of a connection of cell {}: evicting it", cell, e);
            if (cell != null) {
                cells.evict(cell, connection);
            }
        } finally {
            connection.close();
        }
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return false;
    }

    @Override
    public boolean handlesConnectionSchema() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (!isUnwrappableAs(type)) {
            throw new IllegalArgumentException("cannot unwrap as " + type);
        }
        return type.cast(this);
    }

    /** The tenant in context when it is the one asked for (the usual case, no look-up), else the registry's. */
    private Tenant tenant(String tenantIdentifier) throws SQLException {
        if (ContextTenantIdentifierResolver.NO_TENANT.equals(tenantIdentifier)) {
            throw new SQLException("no tenant in context: tenant data is reachable only inside TenantContext.asTenant");
        }
        Tenant current = TenantContext.current().orElse(null);
        if (current != null && current.id().toString().equals(tenantIdentifier)) {
            return current;
        }
        return directory.byId(TenantId.of(tenantIdentifier))
                .orElseThrow(() -> new SQLException("no tenant " + tenantIdentifier + " in the registry"));
    }
}
