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

/**
 * A platform account's membership of this tenant's staff, with its role and its status. An existing account joins
 * only by accepting an invitation ({@link #invite}); an account the chain makes for a new person is active at once.
 */
@Entity
@Table(name = "staff_membership")
public class Membership {

    /** Where a membership stands, and which step may follow which. */
    public enum Status {
        /** Asked to join; not staff until the person accepts while signed in. */
        INVITED,
        ACTIVE,
        DISABLED,
        /** The person said no; the chain may invite them again. */
        DECLINED,
        /** The chain took the invitation back before it was answered; it may invite again. */
        WITHDRAWN;

        public boolean mayBecome(Status next) {
            return switch (this) {
                case INVITED -> next == ACTIVE || next == DECLINED || next == WITHDRAWN || next == INVITED;
                case ACTIVE -> next == DISABLED;
                case DISABLED -> next == ACTIVE;
                case DECLINED, WITHDRAWN -> next == INVITED;
            };
        }
    }

    /** A step that does not follow from where the membership stands (enabling an invitation, say). */
    public static final class StepNotAllowedException extends RuntimeException {

        public StepNotAllowedException(Status from, Status to) {
            super("A staff member who is " + from.name().toLowerCase() + " cannot become " + to.name().toLowerCase()
                    + ".");
        }
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

    @Column(name = "invitation_expires_at")
    private Instant invitationExpiresAt;

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

    /** An existing account asked to join as {@code role}; the invitation lapses at {@code expiresAt}. */
    public static Membership invite(String userId, String email, String name, StaffRole role, Instant now,
            Instant expiresAt) {
        Membership member = new Membership(userId, email, name, role, now);
        member.status = Status.INVITED;
        member.invitationExpiresAt = expiresAt;
        return member;
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

    /** When the invitation lapses, while the membership is {@link Status#INVITED}; null otherwise. */
    public Instant invitationExpiresAt() {
        return status == Status.INVITED ? invitationExpiresAt : null;
    }

    /** An invitation that was not answered in time. */
    public boolean invitationExpired(Instant now) {
        return status == Status.INVITED && !invitationExpiresAt.isAfter(now);
    }

    /** The chain may invite this person (again): never asked, declined, withdrawn, or an invitation that lapsed. */
    public boolean mayBeInvitedAgain(Instant now) {
        return status == Status.DECLINED || status == Status.WITHDRAWN || invitationExpired(now);
    }

    /** Asks again, as {@code role}, with a new expiry. */
    public void reinvite(String newName, StaffRole newRole, Instant now, Instant expiresAt) {
        if (!mayBeInvitedAgain(now)) {
            throw new StepNotAllowedException(status, Status.INVITED);
        }
        this.name = newName;
        this.role = newRole;
        this.invitationExpiresAt = expiresAt;
        moveTo(Status.INVITED, now);
    }

    /** The invited person said yes in time. */
    public void accept(Instant now) {
        if (invitationExpired(now)) {
            throw new StepNotAllowedException(status, Status.ACTIVE);
        }
        this.invitationExpiresAt = null;
        moveTo(Status.ACTIVE, now);
    }

    public void decline(Instant now) {
        this.invitationExpiresAt = null;
        moveTo(Status.DECLINED, now);
    }

    private void moveTo(Status next, Instant now) {
        if (!status.mayBecome(next)) {
            throw new StepNotAllowedException(status, next);
        }
        this.status = next;
        this.updatedAt = now;
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

    /** An active member is disabled; an open invitation is withdrawn. */
    public void disable(Instant now) {
        if (status == Status.DISABLED || status == Status.WITHDRAWN) {
            return;
        }
        if (status == Status.INVITED) {
            this.invitationExpiresAt = null;
            moveTo(Status.WITHDRAWN, now);
        } else {
            moveTo(Status.DISABLED, now);
        }
    }

    /** Only someone who once joined is enabled again: an invitation is never turned into a membership by the chain. */
    public void enable(Instant now) {
        if (status == Status.ACTIVE) {
            return;
        }
        if (status != Status.DISABLED) {
            throw new StepNotAllowedException(status, Status.ACTIVE);
        }
        moveTo(Status.ACTIVE, now);
    }

    public void workAt(Collection<UUID> locations, Instant now) {
        this.locationIds.clear();
        this.locationIds.addAll(locations);
        this.updatedAt = now;
    }
}
