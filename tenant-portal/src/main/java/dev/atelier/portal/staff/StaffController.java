package dev.atelier.portal.staff;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.catalog.StaffServices;
import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.StaffRole;
import dev.atelier.platform.staff.NewStaffMember;
import dev.atelier.platform.staff.StaffAdministration;
import dev.atelier.platform.staff.StaffChange;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's staff: everyone may see it; owners and managers add people (an existing account is invited and joins
 * when it accepts), change their role and places of work,
 * and disable or enable them (managers only receptionists and stylists).
 */
@RestController
@RequestMapping("/api/v1/staff")
class StaffController {

    private final StaffAdministration staff;
    private final StaffServices services;
    private final Clock clock;

    StaffController(StaffAdministration staff, StaffServices services, Clock clock) {
        this.staff = staff;
        this.services = services;
        this.clock = clock;
    }

    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    List<StaffView> list(StaffMember caller) {
        Map<UUID, List<UUID>> performed = services.byStaff();
        return staff.list().stream()
                .map(member -> StaffView.of(member, performed.getOrDefault(member.id(), List.of()), clock.instant()))
                .toList();
    }

    @GetMapping("/{id}")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    StaffView get(StaffMember caller, @PathVariable UUID id) {
        return view(staff.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER})
    ResponseEntity<StaffView> add(StaffMember caller, @Valid @RequestBody StaffRequest request) {
        services.requireExisting("serviceIds", orEmpty(request.serviceIds()));
        StaffRole role = Objects.requireNonNullElse(request.role(), STYLIST);
        Membership member = staff.add(caller.role(), new NewStaffMember(request.name().strip(), request.email(), role,
                new HashSet<>(orEmpty(request.locationIds())), request.password()));
        services.assign(member.id(), orEmpty(request.serviceIds()));
        StaffView created = view(member);
        return ResponseEntity.created(URI.create("/api/v1/staff/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    @StaffRoles({OWNER, MANAGER})
    StaffView change(StaffMember caller, @PathVariable UUID id, @Valid @RequestBody StaffPatch patch) {
        if (patch.serviceIds() != null) {
            services.requireExisting("serviceIds", patch.serviceIds());
        }
        Membership member = staff.change(caller.role(), id, new StaffChange(
                patch.name() == null ? null : patch.name().strip(), patch.role(),
                patch.locationIds() == null ? null : new HashSet<>(patch.locationIds())));
        if (patch.serviceIds() != null) {
            services.assign(id, patch.serviceIds());
        }
        return view(member);
    }

    @PostMapping("/{id}/disable")
    @StaffRoles({OWNER, MANAGER})
    StaffView disable(StaffMember caller, @PathVariable UUID id) {
        return view(staff.disable(caller.role(), id));
    }

    @PostMapping("/{id}/enable")
    @StaffRoles({OWNER, MANAGER})
    StaffView enable(StaffMember caller, @PathVariable UUID id) {
        return view(staff.enable(caller.role(), id));
    }

    private StaffView view(Membership member) {
        return StaffView.of(member, services.of(member.id()), clock.instant());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
