package dev.atelier.platform.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A whole local date a location is shut (a public holiday), with an optional name. */
@Entity
@Table(name = "location_holiday")
@IdClass(LocationHoliday.Key.class)
public class LocationHoliday {

    /** A location and a date. */
    public record Key(UUID locationId, LocalDate day) implements Serializable {
    }

    @Id
    @Column(name = "location_id")
    private UUID locationId;

    @Id
    private LocalDate day;

    private String name;

    protected LocationHoliday() {
    }

    public LocationHoliday(UUID locationId, LocalDate day, String name) {
        if (!CalendarLimits.contains(day)) {
            throw new IllegalArgumentException("a holiday's date " + CalendarLimits.DESCRIPTION);
        }
        this.locationId = Objects.requireNonNull(locationId, "locationId");
        this.day = day;
        this.name = name;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public UUID locationId() {
        return locationId;
    }

    public LocalDate day() {
        return day;
    }

    public String name() {
        return name;
    }
}
