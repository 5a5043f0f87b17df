package dev.atelier.platform.web;

/** The caller is staff of several tenants and did not say which one with {@code X-Tenant}. */
public class TenantRequiredException extends RuntimeException {

    public TenantRequiredException() {
        super("Your account is staff of several salon chains: name one with the X-Tenant header.");
    }
}
