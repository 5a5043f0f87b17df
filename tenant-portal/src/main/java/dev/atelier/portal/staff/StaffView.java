package dev.atelier.portal.staff;

import dev.atelier.platform.identity.Membership;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A staff member as the portal shows it. {@code status} is {@code INVITED} while an invitation waits for an answer
 * (until {@code invitationExpiresAt}), {@code INVITATION_EXPIRED} once it lapsed unanswered, else the membership's.
 */
record StaffView(String id, String name, String email, String role, String status, Instant invitationExpiresAt,
        List<String> locationIds, List<String> serviceIds, Instant createdAt) {

    static StaffView of(Membership member, List<UUID> serviceIds, Instant now) {
        String status = member.invitationExpired(now) ? "INVITATION_EXPIRED" : member.status().name();
        return new StaffView(member.id().toString(), member.name(), member.email(), member.role().name(), status,
                member.invitationExpiresAt(), member.locationIds().stream().map(UUID::toString).sorted().toList(),
                serviceIds.stream().map(UUID::toString).sorted().toList(), member.createdAt());
    }
}
