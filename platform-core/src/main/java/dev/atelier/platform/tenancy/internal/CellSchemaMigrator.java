package dev.atelier.platform.tenancy.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Brings schema {@code relay} on every cell (the cell's outbox, see {@code dev.atelier.platform.outbox.OutboxRelay}) to
 * the latest cell changelog when an app starts: once per cell, whatever the number of tenants on it. It comes before
 * any tenant's outbox event is written, since each tenant's trigger copies its events there. Apps starting together
 * take turns (see {@link LockedLiquibase}).
 */
public final class CellSchemaMigrator {

    static final String CHANGELOG = "db/cell/changelog-master.xml";

    private CellSchemaMigrator() {
    }

    public static void migrate(String cell, DataSource pool) {
        ResourceAccessor resources = new ClassLoaderResourceAccessor(CellSchemaMigrator.class.getClassLoader());
        try (Connection connection = pool.getConnection()) {
            LockedLiquibase.update(connection, "relay", ChangeLogs.parse(CHANGELOG, resources), resources);
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("could not migrate the relay schema of cell " + cell + ": "
                    + e.getMessage(), e);
        }
    }
}
