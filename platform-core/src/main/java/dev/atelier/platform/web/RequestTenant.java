package dev.atelier.platform.web;

import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A tenant made current for one request by an interceptor, and left again when the request completes (or goes
 * asynchronous): the scope rides on the request so the interceptor's after-hooks find it.
 */
public final class RequestTenant {

    private static final String SCOPE = RequestTenant.class.getName() + ".scope";

    private RequestTenant() {
    }

    public static void enter(HttpServletRequest request, Tenant tenant) {
        request.setAttribute(SCOPE, TenantContext.enter(tenant));
    }

    public static void leave(HttpServletRequest request) {
        if (request.getAttribute(SCOPE) instanceof TenantContext.Scope scope) {
            request.removeAttribute(SCOPE);
            scope.close();
        }
    }
}
