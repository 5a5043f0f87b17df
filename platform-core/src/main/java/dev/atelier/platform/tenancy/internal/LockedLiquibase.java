package dev.atelier.platform.tenancy.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ResourceAccessor;

/**
 * Runs a Liquibase update on one schema under a PostgreSQL advisory lock named after it. Holding that lock proves no
 * other Atelier migrator works on the schema, so a Liquibase lock row left behind by a failed or killed run is stale
 * and is cleared. Waits are bounded by {@code lock_timeout}; the session is put back as it was, or discarded.
 */
final class LockedLiquibase {

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    private static final String LOCK_TIMEOUT = "60s";

    private LockedLiquibase() {
    }

    static void update(Connection connection, String schema, DatabaseChangeLog changeLog, ResourceAccessor resources)
            throws SQLException, LiquibaseException {
        String quoted = '"' + schema + '"';
        connection.setAutoCommit(true);
        execute(connection, "set lock_timeout = '" + LOCK_TIMEOUT + "'");
        advisory(connection, "pg_advisory_lock", schema);
        boolean clean = false;
        try {
            execute(connection, "create schema if not exists " + quoted);
            clearStaleLiquibaseLock(connection, quoted);
            execute(connection, "set search_path to " + quoted + ", public");
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            new Liquibase(changeLog, resources, database).update(new Contexts(), new LabelExpression());
            clean = true;
        } finally {
            restore(connection, schema, clean);
        }
    }

    /** Puts the session back to neutral and unlocks; if that fails, the connection is discarded instead. */
    private static void restore(Connection connection, String schema, boolean clean) throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            execute(connection, "reset search_path");
            execute(connection, "reset lock_timeout");
            advisory(connection, "pg_advisory_unlock", schema);
        } catch (SQLException e) {
            connection.abort(Runnable::run);
            if (clean) {
                throw e;
            }
        }
    }

    private static void advisory(Connection connection, String function, String schema) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("select " + function + "(hashtextextended(?, 0))")) {
            statement.setString(1, "atelier-migrate:" + schema);
            statement.execute();
        }
    }

    private static void clearStaleLiquibaseLock(Connection connection, String quotedSchema) throws SQLException {
        boolean exists;
        try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, quotedSchema + ".databasechangeloglock");
            try (ResultSet rs = statement.executeQuery()) {
                exists = rs.next() && rs.getBoolean(1);
            }
        }
        if (exists) {
            execute(connection, "update " + quotedSchema + ".databasechangeloglock"
                    + " set locked = false, lockgranted = null, lockedby = null where locked");
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
