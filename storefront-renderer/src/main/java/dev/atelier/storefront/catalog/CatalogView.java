package dev.atelier.storefront.catalog;

import dev.atelier.platform.catalog.Address;
import dev.atelier.platform.catalog.Location;
import java.util.List;

/** The storefront's public catalog, as the API contract shapes it. */
record CatalogView(TenantView tenant, List<LocationView> locations, List<Object> services, List<Object> staff) {

    record TenantView(String slug, String name) {
    }

    record LocationView(String id, String name, String timezone, Address address, double latitude, double longitude,
            String phone, List<HoursView> openingHours) {

        static LocationView of(Location location) {
            return new LocationView(location.id().toString(), location.name(), location.timezone().getId(),
                    location.address(), location.latitude(), location.longitude(), location.phone(),
                    location.openingHours().stream()
                            .map(hours -> new HoursView(hours.day().name(), hours.opens().toString(),
                                    hours.closes().toString()))
                            .toList());
        }
    }

    record HoursView(String day, String opens, String closes) {
    }
}
