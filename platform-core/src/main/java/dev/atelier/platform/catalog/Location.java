package dev.atelier.platform.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A salon of a chain: where it is, its zone, and when it is open. */
@Entity
@Table(name = "location")
public class Location {

    @Id
    private UUID id;

    private String name;

    @Embedded
    private Address address;

    private double latitude;

    private double longitude;

    private String timezone;

    private String phone;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "location_opening_hours", joinColumns = @JoinColumn(name = "location_id"))
    private List<OpeningHours> openingHours = new ArrayList<>();

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Location() {
    }

    public Location(String name, Address address, double latitude, double longitude, ZoneId timezone, String phone,
            List<OpeningHours> openingHours, Instant now) {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("latitude/longitude out of range");
        }
        this.id = UUID.randomUUID();
        this.name = name;
        this.address = address;
        this.latitude = latitude;
        this.longitude = longitude;
        this.timezone = timezone.getId();
        this.phone = phone;
        this.openingHours = new ArrayList<>(openingHours);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces what the location is: its name, address, position, zone, phone and opening hours. */
    public void change(String newName, Address newAddress, double newLatitude, double newLongitude, ZoneId zone,
            String newPhone, List<OpeningHours> hours, Instant now) {
        if (newLatitude < -90 || newLatitude > 90 || newLongitude < -180 || newLongitude > 180) {
            throw new IllegalArgumentException("latitude/longitude out of range");
        }
        this.name = newName;
        this.address = newAddress;
        this.latitude = newLatitude;
        this.longitude = newLongitude;
        this.timezone = zone.getId();
        this.phone = newPhone;
        this.openingHours.clear();
        this.openingHours.addAll(hours);
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Address address() {
        return address;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    public ZoneId timezone() {
        return ZoneId.of(timezone);
    }

    public String phone() {
        return phone;
    }

    public List<OpeningHours> openingHours() {
        return List.copyOf(openingHours);
    }
}
