package dev.atelier.storefront.catalog;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.LocationView;
import dev.atelier.platform.catalog.Performer;
import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.catalog.ServiceCategoryRepository;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/catalog}: the host's chain, its locations, services and staff. Public. */
@RestController
class CatalogController {

    private final StorefrontCatalog catalog;

    CatalogController(StorefrontCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/catalog")
    public CatalogView catalog() {
        return catalog.current();
    }
}
