package dev.atelier.platform.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A stretch a stylist is away (holiday, training, illness), as instants. */
@Entity
@Table(name = "staff_time_off")
public class TimeOff {

    /** Longer than a year is not time off but leaving; the staff member is disabled instead. */
    public static final Duration LONGEST = Duration.ofDays(366);

    @Id
    private UUID id;

    @Column(name = "staff_id")
    private UUID staffId;

    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "ends_at")
    private Instant endsAt;

    private String reason;

    @Column(name = "created_at")
    private Instant createdAt;

    protected TimeOff() {
    }

    public TimeOff(UUID staffId, Instant startsAt, Instant endsAt, String reason, Instant now) {
        if (!startsAt.isBefore(endsAt)) {
            throw new IllegalArgumentException("time off starts before it ends");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("time off lasts at most " + LONGEST.toDays() + " days");
        }
        this.id = UUID.randomUUID();
        this.staffId = staffId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.reason = reason;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID staffId() {
        return staffId;
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
