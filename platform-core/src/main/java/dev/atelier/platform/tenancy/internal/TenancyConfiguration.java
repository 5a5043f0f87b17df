package dev.atelier.platform.tenancy.internal;

import dev.atelier.platform.tenancy.FleetMigration;
import dev.atelier.platform.tenancy.TenancyProperties;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantProvisioning;
import java.time.Clock;
import javax.sql.DataSource;
import org.hibernate.cfg.MultiTenancySettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Wires cells, the registry, schema-per-tenant Hibernate, provisioning and the fleet migration. */
@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    @Bean(destroyMethod = "close")
    CellDataSources cellDataSources(TenancyProperties properties) {
        return new CellDataSources(properties);
    }

    /**
     * The registry cell's pool, as the application's main DataSource; the platform schema is migrated first, and each
     * cell's relay schema.
     */
    @Bean(destroyMethod = "")
    @Primary
    DataSource dataSource(CellDataSources cells) {
        DataSource registry = cells.registry();
        PlatformSchemaMigrator.migrate(registry);
        for (String cell : cells.names()) {
            CellSchemaMigrator.migrate(cell, cells.cell(cell));
        }
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TenantRegistry tenantRegistry(DataSource dataSource) {
        return new TenantRegistry(dataSource);
    }

    @Bean
    TenantSchemaMigrator tenantSchemaMigrator(
            @Value("${atelier.tenancy.changelog:db/tenant/changelog-master.xml}") String changeLog) {
        return new TenantSchemaMigrator(changeLog);
    }

    @Bean
    TenantDirectory tenantDirectory(TenantRegistry registry, Clock clock, TenancyProperties properties) {
        return new TenantDirectory(registry, clock, properties.directoryTtl());
    }

    @Bean
    TenantProvisioning tenantProvisioning(TenantRegistry registry, CellDataSources cells, TenantSchemaMigrator migrator,
            TenancyProperties properties, Clock clock) {
        return new TenantProvisioning(registry, cells, migrator, properties, clock);
    }

    @Bean
    FleetMigration fleetMigration(TenantRegistry registry, CellDataSources cells, TenantSchemaMigrator migrator,
            TenantDirectory directory, Clock clock, TenancyProperties properties) {
        return new FleetMigration(registry, cells, migrator, directory, clock, properties.migrationWorkers());
    }

    @Bean
    HibernatePropertiesCustomizer schemaPerTenant(CellDataSources cells, TenantDirectory directory) {
        return hibernate -> {
            hibernate.put(MultiTenancySettings.MULTI_TENANT_CONNECTION_PROVIDER,
                    new SchemaPerTenantConnectionProvider(cells, directory));
            hibernate.put(MultiTenancySettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new ContextTenantIdentifierResolver());
        };
    }
}
