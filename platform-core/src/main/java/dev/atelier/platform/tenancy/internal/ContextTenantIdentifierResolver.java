package dev.atelier.platform.tenancy.internal;

import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate the tenant of the current {@link TenantContext}. Without one it answers {@link #NO_TENANT}, for
 * which the connection provider hands out no connection: a session may be opened (Spring Data does at start-up), but
 * it cannot read or write anything.
 */
public class ContextTenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

    public static final String NO_TENANT = "none";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(Tenant::id).map(Object::toString).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
