package dev.atelier.platform.tenancy.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings schema {@code platform} on the registry cell to the latest registry changelog when an app starts. Its cost
 * does not depend on the number of tenants; tenant schemas are upgraded by the fleet migration, never at start-up.
 */
public final class PlatformSchemaMigrator {

    static final String CHANGELOG = "db/platform/changelog-master.xml";

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    private PlatformSchemaMigrator() {
    }

    public static void migrate(DataSource registry) {
        try (Connection connection = registry.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create schema if not exists platform");
                statement.execute("set search_path to platform, public");
            }
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName("platform");
            database.setLiquibaseSchemaName("platform");
            new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(PlatformSchemaMigrator.class.getClassLoader()),
                    database).update(new Contexts(), new LabelExpression());
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset search_path");
            }
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("could not migrate the platform schema: " + e.getMessage(), e);
        }
    }
}
