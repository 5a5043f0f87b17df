package dev.atelier.portal.notifications;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;

import dev.atelier.platform.notifications.DeliveryLog;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain's delivery log for its front desk, managers and owners: {@code GET /api/v1/notifications?bookingId=&limit=}
 * — every message to a customer (email now), its recipient, status (sent, skipped and why, or still being tried),
 * attempts and times, newest first.
 */
@RestController
class DeliveryLogController {

    private final DeliveryLog log;

    DeliveryLogController(DeliveryLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/notifications")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST})
    List<DeliveryLog.Delivery> latest(StaffMember caller, @RequestParam(required = false) UUID bookingId,
            @RequestParam(defaultValue = "50") int limit) {
        return log.latest(bookingId, limit);
    }
}
