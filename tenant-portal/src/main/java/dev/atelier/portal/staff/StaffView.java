package dev.atelier.portal.staff;

import dev.atelier.platform.identity.Membership;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A staff member as the portal shows it. */
record StaffView(String id, String name, String email, String role, String status, List<String> locationIds,
        List<String> serviceIds, Instant createdAt) {

    static StaffView of(Membership member, List<UUID> serviceIds) {
        return new StaffView(member.id().toString(), member.name(), member.email(), member.role().name(),
                member.status().name(), member.locationIds().stream().map(UUID::toString).sorted().toList(),
                serviceIds.stream().map(UUID::toString).sorted().toList(), member.createdAt());
    }
}
