package dev.atelier.platform.tenancy.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Brings schema {@code platform} on the registry cell to the latest registry changelog when an app starts. Its cost
 * does not depend on the number of tenants; tenant schemas are upgraded by the fleet migration, never at start-up.
 * Apps starting together take turns (see {@link LockedLiquibase}).
 */
public final class PlatformSchemaMigrator {

    static final String CHANGELOG = "db/platform/changelog-master.xml";

    private PlatformSchemaMigrator() {
    }

    public static void migrate(DataSource registry) {
        ResourceAccessor resources = new ClassLoaderResourceAccessor(PlatformSchemaMigrator.class.getClassLoader());
        try (Connection connection = registry.getConnection()) {
            LockedLiquibase.update(connection, "platform", ChangeLogs.parse(CHANGELOG, resources), resources);
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("could not migrate the platform schema: " + e.getMessage(), e);
        }
    }
}
