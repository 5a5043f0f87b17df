package dev.atelier.platform.staff;

import dev.atelier.platform.identity.StaffRole;
import java.util.Set;
import java.util.UUID;

/** What to change about a staff member; a null part stays as it is. */
public record StaffChange(String name, StaffRole role, Set<UUID> locationIds) {
}
