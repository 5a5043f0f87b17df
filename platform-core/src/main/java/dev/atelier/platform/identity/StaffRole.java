package dev.atelier.platform.identity;

/** A staff member's role within one tenant; kept in the tenant's data, not in the identity server. */
public enum StaffRole {
    OWNER,
    MANAGER,
    RECEPTIONIST,
    STYLIST
}
