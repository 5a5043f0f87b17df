package dev.atelier.portal.access;

import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.tenancy.Tenant;

/** The caller of a tenant endpoint: their verified identity, the tenant they act for, and their membership there. */
public record StaffMember(Caller caller, Tenant tenant, Membership membership) {

    public StaffRole role() {
        return membership.role();
    }
}
