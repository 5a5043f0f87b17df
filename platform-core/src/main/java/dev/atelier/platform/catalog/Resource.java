package dev.atelier.platform.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;
import java.util.UUID;

/**
 * A chair, basin, room or bed of a location. A service that needs a resource type takes one free resource of that
 * type at the location for its time; an inactive resource is never offered.
 */
@Entity
@Table(name = "resource")
public class Resource {

    /** A resource type: lower-case letters, digits and dashes ({@code chair}, {@code basin}, {@code nail-desk}). */
    public static final String TYPE_PATTERN = "[a-z0-9-]+";

    @Id
    private UUID id;

    @Column(name = "location_id")
    private UUID locationId;

    private String name;

    private String type;

    private boolean active;

    protected Resource() {
    }

    public Resource(UUID locationId, String name, String type) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a resource needs a name");
        }
        if (type == null || type.length() > 40 || !type.matches(TYPE_PATTERN)) {
            throw new IllegalArgumentException("a resource type is 1 to 40 of a-z, 0-9 and -");
        }
        this.id = UUID.randomUUID();
        this.locationId = Objects.requireNonNull(locationId, "locationId");
        this.name = name.strip();
        this.type = type;
        this.active = true;
    }

    public void rename(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("a resource needs a name");
        }
        this.name = newName.strip();
    }

    /** Taken out of use (or back in): inactive resources are not offered to new bookings. */
    public void activate(boolean inUse) {
        this.active = inUse;
    }

    public UUID id() {
        return id;
    }

    public UUID locationId() {
        return locationId;
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public boolean active() {
        return active;
    }
}
