package dev.atelier.platform.tenancy;

/** The tenant exists but cannot be served now (its schema migration failed); answered with 503. */
public class TenantUnavailableException extends RuntimeException {

    public TenantUnavailableException(Slug slug) {
        super("Tenant " + slug + " is temporarily unavailable");
    }
}
