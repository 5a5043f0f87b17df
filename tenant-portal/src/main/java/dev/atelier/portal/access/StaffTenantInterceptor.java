package dev.atelier.portal.access;

import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantUnavailableException;
import dev.atelier.platform.web.ForbiddenException;
import dev.atelier.platform.web.TenantRequiredException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Before a {@link StaffRoles} endpoint: the tenant is one of the caller's token organizations ({@code X-Tenant}
 * only chooses among them), the caller must be an active member of that tenant's staff in its own data (so disabling
 * takes effect at once, whatever tokens are still out there), and their role must be one the endpoint names. The
 * tenant is current for the request and cleared after it.
 */
@Component
class StaffTenantInterceptor implements AsyncHandlerInterceptor {

    static final String TENANT_HEADER = "X-Tenant";
    private static final String SCOPE = StaffTenantInterceptor.class.getName() + ".scope";
    static final String MEMBER = StaffTenantInterceptor.class.getName() + ".member";

    private final TenantDirectory directory;
    private final MembershipRepository memberships;

    StaffTenantInterceptor(TenantDirectory directory, MembershipRepository memberships) {
        this.directory = directory;
        this.memberships = memberships;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(StaffRoles.class)) {
            return true;
        }
        Caller caller = caller();
        Tenant tenant = tenantOf(caller, request.getHeader(TENANT_HEADER));
        TenantContext.Scope scope = TenantContext.enter(tenant);
        request.setAttribute(SCOPE, scope);
        Membership membership = memberships.findByUserId(caller.userId())
                .filter(Membership::isActive)
                .orElseThrow(() -> new ForbiddenException("Your account is not active staff of this salon chain."));
        StaffRoles allowed = method.getMethodAnnotation(StaffRoles.class);
        if (Arrays.stream(allowed.value()).noneMatch(role -> role == membership.role())) {
            throw new ForbiddenException("Your role (" + membership.role().name().toLowerCase()
                    + ") may not do this.");
        }
        request.setAttribute(MEMBER, new StaffMember(caller, tenant, membership));
        return true;
    }

    private static Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Caller.of(token.getToken());
        }
        throw new ForbiddenException("Staff endpoints need a staff member's token.");
    }

    private Tenant tenantOf(Caller caller, String chosen) {
        Set<String> organizations = caller.organizations();
        String slug;
        if (chosen != null) {
            if (!organizations.contains(chosen)) {
                throw new ForbiddenException("Your account is not staff of the salon chain named in X-Tenant.");
            }
            slug = chosen;
        } else if (organizations.size() == 1) {
            slug = organizations.iterator().next();
        } else if (organizations.isEmpty()) {
            throw new ForbiddenException("Your account is not staff of any salon chain.");
        } else {
            throw new TenantRequiredException();
        }
        Tenant tenant = Slug.problemWith(slug).isPresent()
                ? null
                : directory.bySlug(Slug.of(slug)).orElse(null);
        if (tenant == null || !tenant.status().isServed()) {
            throw new ForbiddenException("This salon chain is not open for business on Atelier.");
        }
        if (!tenant.isServable()) {
            throw new TenantUnavailableException(tenant.slug());
        }
        return tenant;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        leave(request);
    }

    @Override
    public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
            Object handler) {
        leave(request);
    }

    private static void leave(HttpServletRequest request) {
        request.removeAttribute(MEMBER);
        if (request.getAttribute(SCOPE) instanceof TenantContext.Scope scope) {
            request.removeAttribute(SCOPE);
            scope.close();
        }
    }
}
