package dev.atelier.platform.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A stretch a location is shut outside its holidays (a refurbishment, a power cut), as instants. */
@Entity
@Table(name = "location_closure")
public class LocationClosure {

    /** A closure longer than a year is a location that has closed, not a closure. */
    public static final Duration LONGEST = Duration.ofDays(366);

    @Id
    private UUID id;

    @Column(name = "location_id")
    private UUID locationId;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    private String reason;

    protected LocationClosure() {
    }

    public LocationClosure(UUID locationId, Instant startsAt, Instant endsAt, String reason) {
        if (!startsAt.isBefore(endsAt)) {
            throw new IllegalArgumentException("a closure starts before it ends");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("a closure lasts at most " + LONGEST.toDays() + " days");
        }
        this.id = UUID.randomUUID();
        this.locationId = Objects.requireNonNull(locationId, "locationId");
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.reason = reason;
    }

    public UUID id() {
        return id;
    }

    public UUID locationId() {
        return locationId;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public String reason() {
        return reason;
    }
}
