package dev.atelier.portal.platform;

import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantStatus;
import dev.atelier.platform.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform staff's view of the tenants (the platform role is required by the portal's access rules): every chain
 * with its status, plan and placement, and suspending or re-activating one.
 */
@RestController
@RequestMapping("/api/v1/platform/tenants")
class PlatformTenantsController {

    record TenantSummary(String id, String slug, String name, String status, String plan, String country,
            String timezone, String cell, String migration, Instant createdAt) {

        static TenantSummary of(Tenant tenant) {
            return new TenantSummary(tenant.id().toString(), tenant.slug().value(), tenant.name(),
                    tenant.status().name(), tenant.plan(), tenant.country(), tenant.timezone().getId(),
                    tenant.placement().cell(), tenant.migration().status().name(), tenant.createdAt());
        }
    }

    private final TenantDirectory directory;

    PlatformTenantsController(TenantDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<TenantSummary> list() {
        return directory.all().stream().map(TenantSummary::of).toList();
    }

    @GetMapping("/{slug}")
    TenantSummary get(@PathVariable String slug) {
        return TenantSummary.of(find(slug));
    }

    @PostMapping("/{slug}/suspend")
    TenantSummary suspend(@PathVariable String slug) {
        return TenantSummary.of(directory.changeStatus(find(slug), TenantStatus.SUSPENDED));
    }

    @PostMapping("/{slug}/activate")
    TenantSummary activate(@PathVariable String slug) {
        return TenantSummary.of(directory.changeStatus(find(slug), TenantStatus.ACTIVE));
    }

    private Tenant find(String slug) {
        if (Slug.problemWith(slug).isPresent()) {
            throw new NotFoundException("tenant");
        }
        return directory.bySlug(Slug.of(slug)).orElseThrow(() -> new NotFoundException("tenant"));
    }
}
