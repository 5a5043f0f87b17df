package dev.atelier.platform.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A platform account's membership of this tenant's staff, with its role and whether it is active. */
@Entity
@Table(name = "staff_membership")
public class Membership {

    public enum Status {
        ACTIVE,
        DISABLED
    }

    @Id
    private UUID id;

    @Column(name = "user_id")
    private String userId;

    private String email;

    private String name;

    @Enumerated(EnumType.STRING)
    private StaffRole role;

    @Enumerated(EnumType.STRING)
    private Status status;

    @ElementCollection
    @CollectionTable(name = "staff_location", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "location_id")
    private Set<UUID> locationIds = new LinkedHashSet<>();

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Membership() {
    }

    public Membership(String userId, String email, String name, StaffRole role, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.email = email;
        this.name = name;
        this.role = role;
        this.status = Status.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public StaffRole role() {
        return role;
    }

    public Status status() {
        return status;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public Set<UUID> locationIds() {
        return Set.copyOf(locationIds);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public void rename(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    public void changeRole(StaffRole newRole, Instant now) {
        this.role = newRole;
        this.updatedAt = now;
    }

    public void disable(Instant now) {
        this.status = Status.DISABLED;
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        this.status = Status.ACTIVE;
        this.updatedAt = now;
    }

    public void workAt(Collection<UUID> locations, Instant now) {
        this.locationIds.clear();
        this.locationIds.addAll(locations);
        this.updatedAt = now;
    }
}
