package dev.atelier.platform.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** One opening interval of a location on a day of the week, in the location's own zone. */
@Embeddable
public record OpeningHours(@Enumerated(EnumType.STRING) @Column(name = "day") DayOfWeek day,
        @Column(name = "opens") LocalTime opens, @Column(name = "closes") LocalTime closes) {

    public OpeningHours {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("opening hours must open before they close: " + opens + "-" + closes);
        }
    }
}
