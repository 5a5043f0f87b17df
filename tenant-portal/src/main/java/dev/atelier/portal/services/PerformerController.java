package dev.atelier.portal.services;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.catalog.Performer;
import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who performs a service, each with their own duration or price where they differ from the menu (a senior stylist
 * charges more, a junior takes longer). Any staff reads; owners and managers change.
 */
@RestController
@RequestMapping("/api/v1/services/{id}/performers")
class PerformerController {

    private final SalonServiceRepository services;
    private final MembershipRepository staff;
    private final Clock clock;

    PerformerController(SalonServiceRepository services, MembershipRepository staff, Clock clock) {
        this.services = services;
        this.staff = staff;
        this.clock = clock;
    }

    /** {@code {"durationMinutes","price":{"amount","currency"}}}: each optional; absent means the menu's. */
    record Terms(@Min(5) @Max(720) Integer durationMinutes, @Valid ServiceRequest.Price price) {
    }

    record PerformerView(String serviceId, String staffId, Integer durationMinutes,
            ServiceView.PriceView price) {

        static PerformerView of(SalonService service, Performer performer) {
            return new PerformerView(service.id().toString(), performer.staffId().toString(),
                    performer.durationMinutes(), performer.priceAmount() == null
                            ? null
                            : new ServiceView.PriceView(performer.priceAmount(), service.currency().getCurrencyCode()));
        }
    }

    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public List<PerformerView> list(StaffMember caller, @PathVariable UUID id) {
        SalonService service = service(id);
        return service.performers().stream().map(performer -> PerformerView.of(service, performer)).toList();
    }

    /** Makes {@code staffId} a performer of the service on these terms (replacing any they had). */
    @PutMapping("/{staffId}")
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public PerformerView set(StaffMember caller, @PathVariable UUID id, @PathVariable UUID staffId,
            @Valid @RequestBody Terms terms) {
        SalonService service = service(id);
        if (staff.findById(staffId).isEmpty()) {
            throw new NotFoundException("staff member");
        }
        if (terms.price() != null) {
            var problems = terms.price().problems("price");
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }
        BigDecimal price = terms.price() == null ? null : terms.price().amount();
        service.perform(staffId, terms.durationMinutes(), price, clock.instant());
        return new PerformerView(id.toString(), staffId.toString(), terms.durationMinutes(),
                price == null ? null : new ServiceView.PriceView(price, service.currency().getCurrencyCode()));
    }

    /** {@code staffId} no longer performs the service. */
    @DeleteMapping("/{staffId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<Void> remove(StaffMember caller, @PathVariable UUID id, @PathVariable UUID staffId) {
        SalonService service = service(id);
        if (service.performers().stream().noneMatch(performer -> performer.staffId().equals(staffId))) {
            throw new NotFoundException("performer");
        }
        service.stopPerforming(staffId, clock.instant());
        return ResponseEntity.noContent().build();
    }

    private SalonService service(UUID id) {
        return services.findAllByIdIn(List.of(id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("service"));
    }
}
