package dev.atelier.platform.catalog;

import java.util.List;

/** A location as the APIs show it: times as {@code HH:mm} in the location's zone, days by name. */
public record LocationView(String id, String name, String timezone, Address address, double latitude,
        double longitude, String phone, List<HoursView> openingHours) {

    public static LocationView of(Location location) {
        return new LocationView(location.id().toString(), location.name(), location.timezone().getId(),
                location.address(), location.latitude(), location.longitude(), location.phone(),
                location.openingHours().stream()
                        .map(hours -> new HoursView(hours.day().name(), hours.opens().toString(),
                                hours.closes().toString()))
                        .toList());
    }

    public record HoursView(String day, String opens, String closes) {
    }
}
