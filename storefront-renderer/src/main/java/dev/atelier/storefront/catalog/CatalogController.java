package dev.atelier.storefront.catalog;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/catalog}: the host's chain, its locations, services and staff. Public. */
@RestController
class CatalogController {

    private final LocationRepository locations;

    CatalogController(LocationRepository locations) {
        this.locations = locations;
    }

    @GetMapping("/api/v1/catalog")
    @Transactional(readOnly = true)
    public CatalogView catalog() {
        Tenant tenant = TenantContext.require();
        return new CatalogView(new CatalogView.TenantView(tenant.slug().value(), tenant.name()),
                locations.findAllByOrderByName().stream().map(CatalogView.LocationView::of).toList(), List.of(),
                List.of());
    }
}
