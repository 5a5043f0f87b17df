package dev.atelier.platform.tenancy;

import java.util.Objects;
import java.util.UUID;

/** A tenant's identity: opaque, stable, never derived from input a client controls. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
