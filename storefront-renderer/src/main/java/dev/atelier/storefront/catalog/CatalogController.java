package dev.atelier.storefront.catalog;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.LocationView;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/catalog}: the host's chain, its locations, services and staff. Public. */
@RestController
class CatalogController {

    private final LocationRepository locations;
    private final MembershipRepository staff;

    CatalogController(LocationRepository locations, MembershipRepository staff) {
        this.locations = locations;
        this.staff = staff;
    }

    @GetMapping("/api/v1/catalog")
    @Transactional(readOnly = true)
    public CatalogView catalog() {
        Tenant tenant = TenantContext.require();
        return new CatalogView(new CatalogView.TenantView(tenant.slug().value(), tenant.name()),
                locations.findAllByOrderByName().stream().map(LocationView::of).toList(), List.of(),
                staff.findAllByOrderByNameAsc().stream()
                        .filter(member -> member.isActive() && member.role() == StaffRole.STYLIST)
                        .map(member -> new CatalogView.StaffView(member.id().toString(), member.name(),
                                member.locationIds().stream().map(UUID::toString).sorted().toList(), List.of()))
                        .toList());
    }
}
