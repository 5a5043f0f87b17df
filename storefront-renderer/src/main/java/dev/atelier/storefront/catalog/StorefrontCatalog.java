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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the host's chain offers online: its locations, its bookable services and its stylists. */
@Service
public class StorefrontCatalog {

    private final LocationRepository locations;
    private final MembershipRepository staff;
    private final SalonServiceRepository services;
    private final ServiceCategoryRepository categories;

    StorefrontCatalog(LocationRepository locations, MembershipRepository staff, SalonServiceRepository services,
            ServiceCategoryRepository categories) {
        this.locations = locations;
        this.staff = staff;
        this.services = services;
        this.categories = categories;
    }

    @Transactional(readOnly = true)
    public CatalogView current() {
        Tenant tenant = TenantContext.require();
        Map<UUID, String> categoryNames = new HashMap<>();
        categories.findAll().forEach(category -> categoryNames.put(category.id(), category.name()));
        List<SalonService> bookable = services.findAllByOrderByName().stream()
                .filter(service -> service.active() && service.onlineBookable())
                .toList();
        Map<UUID, List<String>> servicesOf = new HashMap<>();
        for (SalonService service : bookable) {
            for (Performer performer : service.performers()) {
                servicesOf.computeIfAbsent(performer.staffId(), id -> new ArrayList<>()).add(service.id().toString());
            }
        }
        return new CatalogView(new CatalogView.TenantView(tenant.slug().value(), tenant.name()),
                locations.findAllByOrderByName().stream().map(LocationView::of).toList(),
                bookable.stream().map(service -> new CatalogView.ServiceView(service.id().toString(), service.name(),
                        categoryNames.get(service.categoryId()), service.description(), service.durationMinutes(),
                        new CatalogView.PriceView(service.priceAmount(), service.currency().getCurrencyCode())))
                        .toList(),
                staff.findAllByOrderByNameAsc().stream()
                        .filter(member -> member.isActive() && member.role() == StaffRole.STYLIST)
                        .map(member -> new CatalogView.StaffView(member.id().toString(), member.name(),
                                member.locationIds().stream().map(UUID::toString).sorted().toList(),
                                servicesOf.getOrDefault(member.id(), List.of()).stream().sorted().toList()))
                        .toList());
    }
}
