package dev.atelier.storefront.catalog;

import dev.atelier.platform.catalog.LocationView;
import java.util.List;

/** The storefront's public catalog, as the API contract shapes it. */
public record CatalogView(TenantView tenant, List<LocationView> locations, List<ServiceView> services,
        List<StaffView> staff) {

    /** A service customers may book online: its price is the menu's (a stylist's own price shows when booked). */
    public record ServiceView(String id, String name, String category, String description, int durationMinutes,
            PriceView price) {
    }

    public record PriceView(java.math.BigDecimal amount, String currency) {
    }

    public record TenantView(String slug, String name) {
    }

    /** The stylists who work at the location {@code locationId}. */
    public List<StaffView> stylistsAt(String locationId) {
        return staff.stream().filter(member -> member.locationIds().contains(locationId)).toList();
    }

    /** The services the stylists of the location {@code locationId} perform, in the menu's order. */
    public List<ServiceView> servicesAt(String locationId) {
        java.util.Set<String> performed = new java.util.HashSet<>();
        stylistsAt(locationId).forEach(member -> performed.addAll(member.serviceIds()));
        return services.stream().filter(service -> performed.contains(service.id())).toList();
    }

    /** A bookable member of staff: active stylists only; no email or role is shown to the public. */
    public record StaffView(String id, String name, List<String> locationIds, List<String> serviceIds) {
    }
}
