package dev.atelier.platform.tenancy;

import java.util.Objects;

/** Where a tenant lives: the cell (PostgreSQL cluster) and schema holding its data, and its identity realm. */
public record TenantPlacement(String cell, SchemaName schema, String realm, String organizationId) {

    public TenantPlacement {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(realm, "realm");
    }
}
