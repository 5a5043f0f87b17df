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

    /** A bookable member of staff: active stylists only; no email or role is shown to the public. */
    public record StaffView(String id, String name, List<String> locationIds, List<String> serviceIds) {
    }
}
