package dev.atelier.portal.policy;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.booking.BookingPolicy;
import dev.atelier.platform.booking.BookingPolicyRepository;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain's booking rules (slot step, lead time, horizon, hold, cancellation and no-show terms): everyone on the
 * staff reads
 * them; only owners change them.
 */
@RestController
@RequestMapping("/api/v1/booking-policy")
class BookingPolicyController {

    private final BookingPolicyRepository policies;

    BookingPolicyController(BookingPolicyRepository policies) {
        this.policies = policies;
    }

    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public BookingPolicy.Settings get(StaffMember caller) {
        return policies.require().settings();
    }

    @PutMapping
    @StaffRoles(OWNER)
    @Transactional
    public BookingPolicy.Settings replace(StaffMember caller, @Valid @RequestBody BookingPolicyRequest request) {
        BookingPolicy policy = policies.require();
        policy.change(request.settings(policy.settings()));
        return policy.settings();
    }
}
