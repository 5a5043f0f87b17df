package dev.atelier.portal.access;

import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.staff.StaffDirectory;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantId;
import dev.atelier.platform.tenancy.UnknownTenantException;
import dev.atelier.platform.web.ForbiddenException;
import dev.atelier.platform.web.RequestTenant;
import dev.atelier.platform.web.TenantRequiredException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Before a {@link StaffRoles} endpoint: the tenant is one of the caller's chains — the organizations their token names
 * and the chains the platform's own staff directory lists for their account, so someone on the staff of several
 * chains keeps each whatever the identity server puts in a token ({@code X-Tenant} only chooses among them) — the
 * caller must be an active member of that tenant's staff in its own data (so disabling
 * takes effect at once, whatever tokens are still out there), and their role must be one the endpoint names. The
 * tenant is current for the request and cleared after it.
 */
@Component
class StaffTenantInterceptor implements AsyncHandlerInterceptor {

    static final String TENANT_HEADER = "X-Tenant";
    static final String MEMBER = StaffTenantInterceptor.class.getName() + ".member";

    private final TenantDirectory directory;
    private final MembershipRepository memberships;
    private final StaffDirectory staff;

    StaffTenantInterceptor(TenantDirectory directory, MembershipRepository memberships, StaffDirectory staff) {
        this.directory = directory;
        this.memberships = memberships;
        this.staff = staff;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(StaffRoles.class)) {
            return true;
        }
        Caller caller = caller();
        Tenant tenant = tenantOf(caller, request.getHeader(TENANT_HEADER));
        RequestTenant.enter(request, tenant);
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
        Set<String> organizations = chainsOf(caller);
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
        if (Slug.problemWith(slug).isPresent()) {
            throw notOpen();
        }
        Tenant tenant = directory.bySlug(Slug.of(slug)).orElseThrow(StaffTenantInterceptor::notOpen);
        try {
            return directory.requireServable(tenant);
        } catch (UnknownTenantException e) {
            throw notOpen();
        }
    }

    /** The slugs of the caller's chains: their token's organizations and the staff directory's entries. */
    private Set<String> chainsOf(Caller caller) {
        Set<String> chains = new TreeSet<>(caller.organizations());
        for (TenantId id : staff.tenantsOf(caller.userId())) {
            directory.byId(id).ifPresent(tenant -> chains.add(tenant.slug().value()));
        }
        return chains;
    }

    /** Unknown, suspended or closed: staff are refused (403), unlike the public, who see no tenant at all (404). */
    private static ForbiddenException notOpen() {
        return new ForbiddenException("This salon chain is not open for business on Atelier.");
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
        RequestTenant.leave(request);
    }
}
