package dev.atelier.portal.services;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.catalog.ServiceCategory;
import dev.atelier.platform.catalog.ServiceCategoryRepository;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service menu: everyone on the staff reads it; owners and managers add services. */
@RestController
@RequestMapping("/api/v1/services")
class ServiceController {

    private final SalonServiceRepository services;
    private final ServiceCategoryRepository categories;
    private final MembershipRepository staff;
    private final Clock clock;

    ServiceController(SalonServiceRepository services, ServiceCategoryRepository categories,
            MembershipRepository staff, Clock clock) {
        this.services = services;
        this.categories = categories;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public List<ServiceView> list(StaffMember caller) {
        Map<UUID, String> names = categoryNames();
        return services.findAllByOrderByName().stream()
                .map(service -> ServiceView.of(service, names.get(service.categoryId())))
                .toList();
    }

    @GetMapping("/{id}")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public ServiceView get(StaffMember caller, @PathVariable UUID id) {
        SalonService service = services.findAllByIdIn(List.of(id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("service"));
        return ServiceView.of(service, categoryNames().get(service.categoryId()));
    }

    @PostMapping
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<ServiceView> add(StaffMember caller, @Valid @RequestBody ServiceRequest request) {
        Instant now = clock.instant();
        List<FieldError> errors = new ArrayList<>();
        Currency currency = TenantContext.require().currency();
        if (!currency.getCurrencyCode().equals(request.price().currency())) {
            errors.add(new FieldError("price.currency", "must be the chain's currency, " + currency));
        }
        if (request.price().amount().scale() > 2) {
            errors.add(new FieldError("price.amount", "has at most 2 decimals"));
        }
        int offset = Objects.requireNonNullElse(request.processingOffsetMinutes(), 0);
        int processing = Objects.requireNonNullElse(request.processingMinutes(), 0);
        if (offset + processing > request.durationMinutes()) {
            errors.add(new FieldError("processingMinutes", "processing time must lie inside the service"));
        }
        Set<UUID> performers = new HashSet<>(orEmpty(request.staffIds()));
        Set<UUID> known = staff.findAllById(performers).stream().map(member -> member.id())
                .collect(Collectors.toSet());
        performers.stream().filter(id -> !known.contains(id)).sorted()
                .forEach(id -> errors.add(new FieldError("staffIds", "no staff member " + id + " here")));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        UUID categoryId = request.category() == null || request.category().isBlank()
                ? null
                : categories.findByNameIgnoreCase(request.category().strip())
                        .orElseGet(() -> categories.save(new ServiceCategory(request.category().strip(),
                                (int) categories.count())))
                        .id();
        SalonService service = new SalonService(new SalonService.Definition(request.name(), categoryId,
                request.description(), request.durationMinutes(), offset, processing,
                Objects.requireNonNullElse(request.bufferBeforeMinutes(), 0),
                Objects.requireNonNullElse(request.bufferAfterMinutes(), 0), request.price().amount(), currency,
                Objects.requireNonNullElse(request.onlineBookable(), true), new HashSet<>(orEmpty(
                        request.resourceTypes()))),
                now);
        performers.forEach(id -> service.perform(id, null, null, now));
        services.save(service);
        return ResponseEntity.created(URI.create("/api/v1/services/" + service.id()))
                .body(ServiceView.of(service, categoryId == null ? null : request.category().strip()));
    }

    private Map<UUID, String> categoryNames() {
        return categories.findAll().stream()
                .collect(Collectors.toMap(ServiceCategory::id, ServiceCategory::name, (a, b) -> a));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

}
