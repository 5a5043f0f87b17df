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
 * Apps starting together take turns through a PostgreSQL advisory lock (freed by the server if a session dies).
 */
public final class PlatformSchemaMigrator {

    static final String CHANGELOG = "db/platform/changelog-master.xml";
    private static final String LOCK_KEY = "hashtextextended('atelier-migrate:platform', 0)";

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    private PlatformSchemaMigrator() {
    }

    public static void migrate(DataSource registry) {
        try (Connection connection = registry.getConnection()) {
            connection.setAutoCommit(true);
            execute(connection, "select pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                execute(connection, "create schema if not exists platform");
                execute(connection, "set search_path to platform, public");
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                database.setDefaultSchemaName("platform");
                database.setLiquibaseSchemaName("platform");
                new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(PlatformSchemaMigrator.class.getClassLoader()),
                        database).update(new Contexts(), new LabelExpression());
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                execute(connection, "reset search_path");
                execute(connection, "select pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("could not migrate the platform schema: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
