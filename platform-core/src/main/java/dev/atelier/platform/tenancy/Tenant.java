package dev.atelier.platform.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/** A tenant as the registry knows it. */
public record Tenant(TenantId id, Slug slug, String name, TenantStatus status, String plan, Locale locale,
        Currency currency, ZoneId timezone, String country, TenantPlacement placement, MigrationState migration,
        Instant createdAt) {

    /** Whether requests for this tenant may be served now. */
    public boolean isServable() {
        return status.isServed() && migration.status() != MigrationState.Status.FAILED;
    }
}
