package dev.atelier.platform.testing;

import dev.atelier.infra.servers.PostgresServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.tenancy.Tenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Two fresh cell databases on the real PostgreSQL of this test run, for one test class: {@code <name>_a} (which also
 * holds the registry) and {@code <name>_b}. Fresh databases keep one class's tenants out of another's counts.
 */
public record TestCells(String cellA, String cellB) {

    public static TestCells create(String name) {
        String prefix = name.toLowerCase(Locale.ROOT);
        TestCells cells = new TestCells(prefix + "_a", prefix + "_b");
        cells.recreate(cells.cellA());
        cells.recreate(cells.cellB());
        return cells;
    }

    /** Drops a database left by an earlier run (on an external server) and creates it empty. */
    private void recreate(String database) {
        PostgresServer postgres = TestServers.postgres();
        try (Connection connection = postgres.connect("postgres")) {
            connection.createStatement().execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + database, e);
        }
        postgres.createDatabaseIfMissing(database);
    }

    /** Tenant schemas on both cells together. */
    public int tenantSchemaCount() throws SQLException {
        return tenantSchemas(cellA).size() + tenantSchemas(cellB).size();
    }

    public static final String MAIN = "main";
    public static final String SECOND = "second";

    /** Registers both cells as {@value #MAIN} (holding the registry) and {@value #SECOND}, pools of {@code poolSize}. */
    public void register(DynamicPropertyRegistry registry, int poolSize) {
        PostgresServer postgres = TestServers.postgres();
        registry.add("atelier.tenancy.registry-cell", () -> MAIN);
        registry.add("atelier.tenancy.cells.main.url", () -> postgres.jdbcUrl(cellA));
        registry.add("atelier.tenancy.cells.main.username", postgres::username);
        registry.add("atelier.tenancy.cells.main.password", postgres::password);
        registry.add("atelier.tenancy.cells.main.max-pool-size", () -> poolSize);
        registry.add("atelier.tenancy.cells.second.url", () -> postgres.jdbcUrl(cellB));
        registry.add("atelier.tenancy.cells.second.username", postgres::username);
        registry.add("atelier.tenancy.cells.second.password", postgres::password);
        registry.add("atelier.tenancy.cells.second.max-pool-size", () -> poolSize);
    }

    /** The database behind a cell name. */
    public String database(String cell) {
        return switch (cell) {
            case MAIN -> cellA;
            case SECOND -> cellB;
            default -> throw new IllegalArgumentException("no test cell " + cell);
        };
    }

    /** The first column of {@code sql} run in {@code tenant}'s schema on its cell, outside the application. */
    public List<String> column(Tenant tenant, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(database(tenant.placement().cell()));
                Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + tenant.placement().schema().quoted());
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /**
     * Runs the data change {@code sql} in {@code tenant}'s schema outside the application (to stand for what the
     * test cannot wait for, such as time passing); returns the rows changed.
     */
    public int update(Tenant tenant, String sql) throws SQLException {
        try (Connection connection = connect(database(tenant.placement().cell()));
                Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + tenant.placement().schema().quoted());
            return statement.executeUpdate(sql);
        }
    }

    /** A plain connection to a cell database, outside the application's pools, for checking what is stored. */
    public static Connection connect(String database) throws SQLException {
        PostgresServer postgres = TestServers.postgres();
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }

    /** The tenant schemas ({@code t_…}) that exist in a cell database. */
    public static List<String> tenantSchemas(String database) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection connection = connect(database);
                var rs = connection.createStatement()
                        .executeQuery("select nspname from pg_namespace where nspname like 't\\_%' order by 1")) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }
}
