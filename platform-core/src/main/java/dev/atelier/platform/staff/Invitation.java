package dev.atelier.platform.staff;

import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.tenancy.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An invitation for an existing account to join a chain's staff, as the invitee finds it: only the account it names
 * may answer it, once, before it expires.
 */
public record Invitation(UUID id, TenantId tenantId, String userId, UUID memberId, StaffRole role, Status status,
        Instant createdAt, Instant expiresAt, Instant answeredAt) {

    public enum Status {
        PENDING,
        ACCEPTED,
        DECLINED,
        WITHDRAWN
    }

    public Invitation {
        Objects.requireNonNull(id);
        Objects.requireNonNull(tenantId);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(memberId);
        Objects.requireNonNull(role);
        Objects.requireNonNull(status);
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("an invitation expires after it is made");
        }
    }

    public static Invitation pending(TenantId tenantId, String userId, UUID memberId, StaffRole role, Instant now,
            Instant expiresAt) {
        return new Invitation(UUID.randomUUID(), tenantId, userId, memberId, role, Status.PENDING, now, expiresAt,
                null);
    }

    public boolean isExpired(Instant now) {
        return status == Status.PENDING && !expiresAt.isAfter(now);
    }

    /** Whether {@code userId} may answer it at {@code now}; throws the reason it may not. */
    public void requireAnswerableBy(String userId, Instant now) {
        if (!this.userId.equals(userId)) {
            throw new InvitationNotFoundException();
        }
        if (status != Status.PENDING) {
            throw new InvitationAnsweredException(status);
        }
        if (isExpired(now)) {
            throw new InvitationExpiredException();
        }
    }
}
