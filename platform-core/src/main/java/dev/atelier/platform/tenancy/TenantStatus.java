package dev.atelier.platform.tenancy;

/** Where a tenant stands commercially; only TRIAL and ACTIVE tenants are served. */
public enum TenantStatus {
    TRIAL,
    ACTIVE,
    SUSPENDED,
    CLOSED;

    public boolean isServed() {
        return this == TRIAL || this == ACTIVE;
    }
}
