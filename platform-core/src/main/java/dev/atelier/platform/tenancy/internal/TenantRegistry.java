package dev.atelier.platform.tenancy.internal;

import dev.atelier.platform.tenancy.MigrationState;
import dev.atelier.platform.tenancy.SchemaName;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantId;
import dev.atelier.platform.tenancy.TenantPlacement;
import dev.atelier.platform.tenancy.TenantStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The tenant registry in schema {@code platform} on the registry cell: plain SQL, no tenant context needed. */
public class TenantRegistry {

    private static final String SELECT = """
            select t.id, t.slug, t.name, t.status, t.plan, t.locale, t.currency, t.timezone, t.country, t.created_at,
                   p.cell, p.schema_name, p.realm, p.organization_id,
                   m.schema_version, m.status as migration_status, m.last_error, m.attempts, m.updated_at as migrated_at
              from platform.tenant t
              join platform.tenant_placement p on p.tenant_id = t.id
              join platform.tenant_migration m on m.tenant_id = t.id
            """;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    /**
     * The registry reaches its cell through a DataSource of its own identity, so a registry call made inside a
     * tenant's JPA transaction never joins that transaction's connection (which may be on another cell).
     */
    public TenantRegistry(DataSource registry) {
        DataSource own = new DelegatingDataSource(registry);
        this.dataSource = own;
        this.jdbc = JdbcClient.create(own);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(own));
    }

    /**
     * Runs {@code work} while holding the platform-wide advisory lock {@code name}, or returns empty at once when
     * another process holds it.
     */
    public <T> Optional<T> exclusively(String name, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!advisory(connection, "pg_try_advisory_lock", name)) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                advisory(connection, "pg_advisory_unlock", name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("registry unreachable: " + e.getMessage(), e);
        }
    }

    private static boolean advisory(Connection connection, String function, String name) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("select " + function + "(hashtextextended(?, 0))")) {
            statement.setString(1, "atelier:" + name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    public Optional<Tenant> findBySlug(Slug slug) {
        return jdbc.sql(SELECT + " where t.slug = ?").param(slug.value()).query(TenantRegistry::tenant).optional();
    }

    public Optional<Tenant> findById(TenantId id) {
        return jdbc.sql(SELECT + " where t.id = ?").param(id.value()).query(TenantRegistry::tenant).optional();
    }

    /** The tenant whose verified custom domain is {@code host} (lower case, no port). */
    public Optional<Tenant> findByVerifiedDomain(String host) {
        return jdbc
                .sql(SELECT + " join platform.tenant_domain d on d.tenant_id = t.id where d.domain = ? and d.verified")
                .param(host)
                .query(TenantRegistry::tenant)
                .optional();
    }

    /**
     * The custom domain a tenant's pages name as their address: of its verified domains the earliest verified, ties
     * in alphabetical order (byte order, whatever the database's collation). Unverified domains never count.
     */
    public Optional<String> findCanonicalDomain(TenantId id) {
        return jdbc.sql("""
                select domain from platform.tenant_domain
                 where tenant_id = ? and verified
                 order by verified_at nulls last, domain collate "C"
                 limit 1
                """).param(id.value()).query(String.class).optional();
    }

    public boolean slugTaken(Slug slug) {
        return jdbc.sql("select count(*) from platform.tenant where slug = ?").param(slug.value()).query(Long.class)
                .single() > 0;
    }

    public Map<String, Long> tenantsPerCell() {
        return jdbc.sql("select cell, count(*) as n from platform.tenant_placement group by cell")
                .query((rs, n) -> Map.entry(rs.getString("cell"), rs.getLong("n")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The identity realms tenants are placed in. */
    public Set<String> realms() {
        return Set.copyOf(jdbc.sql("select distinct realm from platform.tenant_placement").query(String.class).list());
    }

    public List<Tenant> all() {
        return jdbc.sql(SELECT + " order by t.created_at, t.slug").query(TenantRegistry::tenant).list();
    }

    /** Tenants not closed whose schema is not recorded as CURRENT at {@code version}. */
    public List<Tenant> needingMigrationTo(String version) {
        return jdbc.sql(SELECT + """
                 where t.status <> 'CLOSED'
                   and (m.status <> 'CURRENT' or m.schema_version is distinct from ?)
                 order by t.created_at, t.slug
                """).param(version).query(TenantRegistry::tenant).list();
    }

    /** Records a fully provisioned tenant: its row, placement and migration state, all or nothing. */
    public void insert(Tenant tenant) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into platform.tenant (id, slug, name, status, plan, locale, currency, timezone, country,
                                                 created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(tenant.id().value(), tenant.slug().value(), tenant.name(), tenant.status().name(),
                            tenant.plan(), tenant.locale().toLanguageTag(), tenant.currency().getCurrencyCode(),
                            tenant.timezone().getId(), tenant.country(), Timestamp.from(tenant.createdAt()),
                            Timestamp.from(tenant.createdAt()))
                    .update();
            TenantPlacement placement = tenant.placement();
            jdbc.sql("""
                    insert into platform.tenant_placement (tenant_id, cell, schema_name, realm, organization_id)
                    values (?, ?, ?, ?, ?)
                    """)
                    .params(tenant.id().value(), placement.cell(), placement.schema().value(), placement.realm(),
                            placement.organizationId())
                    .update();
            MigrationState migration = tenant.migration();
            jdbc.sql("""
                    insert into platform.tenant_migration (tenant_id, schema_version, status, attempts, updated_at)
                    values (?, ?, ?, ?, ?)
                    """)
                    .params(tenant.id().value(), migration.schemaVersion(), migration.status().name(),
                            migration.attempts(), Timestamp.from(migration.updatedAt()))
                    .update();
        });
    }

    /** Records the identity organization that holds the tenant's members. */
    public void linkOrganization(TenantId id, String organizationId) {
        jdbc.sql("update platform.tenant_placement set organization_id = ? where tenant_id = ?")
                .params(organizationId, id.value())
                .update();
    }

    public void delete(TenantId id) {
        jdbc.sql("delete from platform.tenant where id = ?").param(id.value()).update();
    }

    public void markMigrationRunning(TenantId id, Instant now) {
        jdbc.sql("""
                update platform.tenant_migration
                   set status = case when status = 'FAILED' then 'FAILED' else 'RUNNING' end,
                       attempts = attempts + 1, updated_at = ?
                 where tenant_id = ?
                """).params(Timestamp.from(now), id.value()).update();
    }

    public void markMigrationCurrent(TenantId id, String version, Instant now) {
        jdbc.sql("""
                update platform.tenant_migration
                   set status = 'CURRENT', schema_version = ?, last_error = null, updated_at = ?
                 where tenant_id = ?
                """).params(version, Timestamp.from(now), id.value()).update();
    }

    public void markMigrationFailed(TenantId id, String error, Instant now) {
        jdbc.sql("""
                update platform.tenant_migration
                   set status = 'FAILED', last_error = ?, updated_at = ?
                 where tenant_id = ?
                """).params(error, Timestamp.from(now), id.value()).update();
    }

    public void changeStatus(TenantId id, TenantStatus status, Instant now) {
        jdbc.sql("update platform.tenant set status = ?, updated_at = ? where id = ?")
                .params(status.name(), Timestamp.from(now), id.value())
                .update();
    }

    private static Tenant tenant(ResultSet rs, int row) throws SQLException {
        TenantId id = new TenantId(rs.getObject("id", UUID.class));
        TenantPlacement placement = new TenantPlacement(rs.getString("cell"),
                new SchemaName(rs.getString("schema_name")),
                rs.getString("realm"), rs.getString("organization_id"));
        Timestamp migratedAt = rs.getTimestamp("migrated_at");
        MigrationState migration = new MigrationState(rs.getString("schema_version"),
                MigrationState.Status.valueOf(rs.getString("migration_status")), rs.getString("last_error"),
                rs.getInt("attempts"), migratedAt.toInstant());
        return new Tenant(id, new Slug(rs.getString("slug")), rs.getString("name"),
                TenantStatus.valueOf(rs.getString("status")), rs.getString("plan"),
                Locale.forLanguageTag(rs.getString("locale")), Currency.getInstance(rs.getString("currency")),
                ZoneId.of(rs.getString("timezone")), rs.getString("country"), placement, migration,
                rs.getTimestamp("created_at").toInstant());
    }
}
