package dev.atelier.platform.tenancy.internal;

import dev.atelier.platform.tenancy.SchemaName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Applies a Liquibase changelog to one tenant schema. The changelog is parsed once per worker thread, not once per
 * tenant, so upgrading a thousand schemas costs a thousand small updates and not a thousand parses.
 */
public class TenantSchemaMigrator {

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

    /** Brings {@code schema} on {@code cell} to the target version under a per-schema lock; returns that version. */
    public String migrate(DataSource cell, SchemaName schema) {
        try (Connection connection = cell.getConnection()) {
            LockedLiquibase.update(connection, schema.value(), parsed.get(), resources);
            return targetVersion;
        } catch (SQLException | LiquibaseException e) {
            throw new SchemaMigrationException("migration of schema " + schema + " failed: " + rootMessage(e), e);
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
        return ChangeLogs.parse(changeLogPath, resources);
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
