package dev.atelier.portal.locations;

import dev.atelier.platform.catalog.Location;
import java.util.List;

/**
 * Changes to a location: any field of {@link LocationRequest}; absent (or null) fields stay as they are, an
 * {@code address} or {@code openingHours} given replaces the whole. The result is checked as a new location is.
 */
record LocationPatch(String name, LocationRequest.AddressRequest address, Double latitude, Double longitude,
        String timezone, String phone, List<LocationRequest.HoursRequest> openingHours) {

    /** The location as a full request with this patch applied. */
    LocationRequest over(Location location) {
        return new LocationRequest(or(name, location.name()), or(address, new LocationRequest.AddressRequest(
                location.address().line1(), location.address().city(), location.address().region(),
                location.address().postalCode(), location.address().country())),
                or(latitude, location.latitude()), or(longitude, location.longitude()),
                or(timezone, location.timezone().getId()), or(phone, location.phone()),
                or(openingHours, location.openingHours().stream()
                        .map(hours -> new LocationRequest.HoursRequest(hours.day().name(), hours.opens().toString(),
                                hours.closes().toString()))
                        .toList()));
    }

    private static <T> T or(T changed, T stored) {
        return changed != null ? changed : stored;
    }
}
