package dev.atelier.storefront.session;

import dev.atelier.storefront.tenancy.HostTenantResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Sessions as the pages see them: a customer signed in to one chain is a stranger on every other chain's host, even
 * if the session cookie were carried there, so nothing of theirs is shown or done elsewhere.
 */
class ThisChainOnly implements SecurityContextRepository {

    private final SecurityContextRepository sessions;
    private final HostTenantResolver hosts;

    ThisChainOnly(SecurityContextRepository sessions, HostTenantResolver hosts) {
        this.sessions = sessions;
        this.hosts = hosts;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                SecurityContext context = stored.get();
                return belongsHere(context, request) ? context : SecurityContextHolder.createEmptyContext();
            }

            @Override
            public boolean isGenerated() {
                return stored.isGenerated();
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        SecurityContext context = sessions.loadContext(holder);
        return belongsHere(context, holder.getRequest()) ? context : SecurityContextHolder.createEmptyContext();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        sessions.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }

    private boolean belongsHere(SecurityContext context, HttpServletRequest request) {
        if (context.getAuthentication() == null
                || !(context.getAuthentication().getPrincipal() instanceof SignedInCustomer customer)) {
            return true;
        }
        return hosts.resolve(request.getServerName())
                .filter(tenant -> tenant.slug().value().equals(customer.tenant())).isPresent();
    }
}
