package dev.atelier.platform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
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
}
