package dev.atelier.platform.tenancy.internal;

import dev.atelier.platform.tenancy.SchemaName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Applies a Liquibase changelog to one tenant schema. The changelog is parsed once per worker thread, not once per
 * tenant, so upgrading a thousand schemas costs a thousand small updates and not a thousand parses.
 */
public class TenantSchemaMigrator {

    static {
        System.setProperty("liquibase.analytics.enabled", "false");
    }

    private final String changeLogPath;
    private final ResourceAccessor resources = new ClassLoaderResourceAccessor(
            TenantSchemaMigrator.class.getClassLoader());
    private final ThreadLocal<DatabaseChangeLog> parsed = ThreadLocal.withInitial(this::parse);
    private final String targetVersion;

    public TenantSchemaMigrator(String changeLogPath) {
        this.changeLogPath = changeLogPath;
        List<ChangeSet> changeSets = parsed.get().getChangeSets();
        if (changeSets.isEmpty()) {
            throw new IllegalStateException("tenant changelog " + changeLogPath + " holds no changeset");
        }
        this.targetVersion = changeSets.getLast().getId();
    }

    /** The schema version every tenant is brought to: the id of the changelog's last changeset. */
    public String targetVersion() {
        return targetVersion;
    }

    /** Creates {@code schema} on {@code cell} and brings it to the target version. */
    public void create(DataSource cell, SchemaName schema) {
        try (Connection connection = cell.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema.quoted());
        } catch (SQLException e) {
            throw new SchemaMigrationException("could not create schema " + schema, e);
        }
        migrate(cell, schema);
    }

    /**
     * Brings {@code schema} on {@code cell} to the target version; returns that version. Migrators of one schema are
     * serialised by a PostgreSQL advisory lock (freed by the server if a session dies), so once it is held no other
     * migrator works on the schema and a Liquibase lock row left behind by a failed run is stale and cleared.
     */
    public String migrate(DataSource cell, SchemaName schema) {
        try (Connection connection = cell.getConnection()) {
            connection.setAutoCommit(true);
            advisoryLock(connection, schema, "pg_advisory_lock");
            try {
                clearStaleLiquibaseLock(connection, schema);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set search_path to " + schema.quoted() + ", public");
                }
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                database.setDefaultSchemaName(schema.value());
                database.setLiquibaseSchemaName(schema.value());
                new Liquibase(parsed.get(), resources, database).update(new Contexts(), new LabelExpression());
                return targetVersion;
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("reset search_path");
                }
                advisoryLock(connection, schema, "pg_advisory_unlock");
            }
        } catch (SQLException | LiquibaseException e) {
            throw new SchemaMigrationException("migration of schema " + schema + " failed: " + rootMessage(e), e);
        }
    }

    private static void advisoryLock(Connection connection, SchemaName schema, String function) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("select " + function + "(hashtextextended(?, 0))")) {
            statement.setString(1, "atelier-migrate:" + schema.value());
            statement.execute();
        }
    }

    private static void clearStaleLiquibaseLock(Connection connection, SchemaName schema) throws SQLException {
        boolean exists;
        try (PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, schema.quoted() + ".databasechangeloglock");
            try (ResultSet rs = statement.executeQuery()) {
                exists = rs.next() && rs.getBoolean(1);
            }
        }
        if (exists) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("update " + schema.quoted() + ".databasechangeloglock"
                        + " set locked = false, lockgranted = null, lockedby = null where locked");
            }
        }
    }

    /** Drops {@code schema} and everything in it; used to undo a tenant creation that failed half-way. */
    public void drop(DataSource cell, SchemaName schema) {
        try (Connection connection = cell.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema.quoted() + " cascade");
        } catch (SQLException e) {
            throw new SchemaMigrationException("could not drop schema " + schema, e);
        }
    }

    private DatabaseChangeLog parse() {
        try {
            return ChangeLogParserFactory.getInstance()
                    .getParser(changeLogPath, resources)
                    .parse(changeLogPath, new ChangeLogParameters(), resources);
        } catch (LiquibaseException e) {
            throw new IllegalStateException("cannot parse tenant changelog " + changeLogPath, e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }

    /** A tenant schema could not be created, upgraded or dropped. */
    public static class SchemaMigrationException extends RuntimeException {
        SchemaMigrationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
