package dev.atelier.portal.staff;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the caller is at the tenant they act for, and with which role. */
@RestController
class MeController {

    record Me(String userId, String staffId, String name, String email, String role, TenantRef tenant) {
    }

    /** The tenant acted for, with the currency its prices are in and its home time zone. */
    record TenantRef(String id, String slug, String name, String currency, String timezone) {
    }

    @GetMapping("/api/v1/me")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    Me me(StaffMember caller) {
        return new Me(caller.caller().userId(), caller.membership().id().toString(), caller.membership().name(),
                caller.membership().email(),
                caller.role().name(), new TenantRef(caller.tenant().id().toString(), caller.tenant().slug().value(),
                        caller.tenant().name(), caller.tenant().currency().getCurrencyCode(),
                        caller.tenant().timezone().getId()));
    }
}
