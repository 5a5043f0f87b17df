package dev.atelier.platform.testing;

import dev.atelier.platform.catalog.Address;
import dev.atelier.platform.catalog.Location;
import dev.atelier.platform.catalog.OpeningHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Small builders for locations in tests. */
public final class Locations {

    private Locations() {
    }

    public static Location named(String name) {
        return new Location(name, new Address("1 High Street", "London", null, "W1 1AA", "GB"), 51.5, -0.12,
                ZoneId.of("Europe/London"), null,
                List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0))),
                Instant.parse("2026-11-01T00:00:00Z"));
    }
}
