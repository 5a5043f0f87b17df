package dev.atelier.platform.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A platform account's profile at this tenant: made on its first visit or booking here, never shared across. */
@Entity
@Table(name = "customer")
public class Customer {

    /** The last visit is kept to this precision, so that a customer's requests do not each write their profile. */
    static final Duration SEEN_PRECISION = Duration.ofMinutes(15);

    @Id
    private UUID id;

    @Column(name = "user_id")
    private String userId;

    private String name;

    private String email;

    private String phone;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    protected Customer() {
    }

    public Customer(String userId, String name, String email, String phone, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    public UUID id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void seen(Instant now) {
        if (lastSeenAt == null || lastSeenAt.isBefore(now.minus(SEEN_PRECISION))) {
            this.lastSeenAt = now;
        }
    }
}
