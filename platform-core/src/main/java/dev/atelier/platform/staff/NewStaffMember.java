package dev.atelier.platform.staff;

import dev.atelier.platform.identity.StaffRole;
import java.util.Set;
import java.util.UUID;

/** A person to add to the current tenant's staff; {@code password} may be null (they set one at first sign-in). */
public record NewStaffMember(String name, String email, StaffRole role, Set<UUID> locationIds, String password) {

    public NewStaffMember {
        locationIds = Set.copyOf(locationIds);
    }

    @Override
    public String toString() {
        return "NewStaffMember[" + email + ", " + role + "]";
    }
}
