package dev.atelier.storefront.tenancy;

import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.UnknownTenantException;
import dev.atelier.platform.web.RequestTenant;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Makes the host's tenant current for the request and clears it afterwards. Unknown hosts are 404, a tenant whose
 * migration failed 503 (both through the problem+json handler).
 */
@Component
class StorefrontTenantInterceptor implements AsyncHandlerInterceptor {

    private final HostTenantResolver resolver;
    private final TenantDirectory directory;

    StorefrontTenantInterceptor(HostTenantResolver resolver, TenantDirectory directory) {
        this.resolver = resolver;
        this.directory = directory;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Tenant tenant = resolver.resolve(request.getServerName()).orElseThrow(UnknownTenantException::new);
        RequestTenant.enter(request, directory.requireServable(tenant));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        RequestTenant.leave(request);
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
            Object handler) {
        RequestTenant.leave(request);
    }
}
