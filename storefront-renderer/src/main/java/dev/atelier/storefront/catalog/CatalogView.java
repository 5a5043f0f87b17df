package dev.atelier.storefront.catalog;

import dev.atelier.platform.catalog.LocationView;
import java.util.List;

/** The storefront's public catalog, as the API contract shapes it. */
record CatalogView(TenantView tenant, List<LocationView> locations, List<ServiceView> services,
        List<StaffView> staff) {

    /** A service customers may book online: its price is the menu's (a stylist's own price shows when booked). */
    record ServiceView(String id, String name, String category, String description, int durationMinutes,
            PriceView price) {
    }

    record PriceView(java.math.BigDecimal amount, String currency) {
    }

    record TenantView(String slug, String name) {
    }

    /** A bookable member of staff: active stylists only; no email or role is shown to the public. */
    record StaffView(String id, String name, List<String> locationIds, List<String> serviceIds) {
    }
}
