package dev.atelier.portal.services;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.catalog.Performer;
import dev.atelier.platform.catalog.SalonService;
import dev.atelier.platform.catalog.SalonServiceRepository;
import dev.atelier.platform.catalog.ServiceCategory;
import dev.atelier.platform.catalog.ServiceCategoryRepository;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.payments.model.DepositRule;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.platform.web.RequestValidation;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The service menu: everyone on the staff reads it; owners and managers add and change services. */
@RestController
@RequestMapping("/api/v1/services")
class ServiceController {

    private final SalonServiceRepository services;
    private final ServiceCategoryRepository categories;
    private final MembershipRepository staff;
    private final RequestValidation validation;
    private final Clock clock;

    ServiceController(SalonServiceRepository services, ServiceCategoryRepository categories,
            MembershipRepository staff, RequestValidation validation, Clock clock) {
        this.services = services;
        this.categories = categories;
        this.staff = staff;
        this.validation = validation;
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
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<ServiceView> add(StaffMember caller, @Valid @RequestBody ServiceRequest request) {
        Instant now = clock.instant();
        check(request);
        UUID categoryId = categoryOf(request.category());
        SalonService service = new SalonService(definition(request, categoryId), now);
        service.bookingWindow(request.leadTimeMinutes(), request.horizonDays(), request.slotStepMinutes(), now);
        service.deposit(deposit(request), now);
        new HashSet<>(orEmpty(request.staffIds())).forEach(id -> service.perform(id, null, null, now));
        services.save(service);
        return ResponseEntity.created(URI.create("/api/v1/services/" + service.id()))
                .body(ServiceView.of(service, categoryId == null ? null : request.category().strip()));
    }

    /** Changes any of a service's fields; the result passes the same checks as a new service. */
    @PatchMapping("/{id}")
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ServiceView change(StaffMember caller, @PathVariable UUID id, @RequestBody ServicePatch patch) {
        Instant now = clock.instant();
        SalonService service = services.findAllByIdIn(List.of(id)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("service"));
        String categoryName = service.categoryId() == null
                ? null
                : categories.findById(service.categoryId()).map(ServiceCategory::name).orElse(null);
        ServiceRequest changed = patch.over(service, categoryName);
        validation.requireValid(changed);
        check(changed);
        UUID categoryId = categoryOf(changed.category());
        service.apply(definition(changed, categoryId), now);
        service.bookingWindow(changed.leadTimeMinutes(), changed.horizonDays(), changed.slotStepMinutes(), now);
        service.deposit(deposit(changed), now);
        if (patch.active() != null) {
            service.activate(patch.active(), now);
        }
        if (patch.staffIds() != null) {
            Set<UUID> wanted = new HashSet<>(patch.staffIds());
            service.performers().stream().map(Performer::staffId).filter(staffId -> !wanted.contains(staffId))
                    .forEach(staffId -> service.stopPerforming(staffId, now));
            service.performers().forEach(performer -> wanted.remove(performer.staffId()));
            wanted.forEach(staffId -> service.perform(staffId, null, null, now));
        }
        return ServiceView.of(service, categoryId == null ? null : changed.category().strip());
    }

    /** The rules a service's fields must meet together, beyond each field's own constraints. */
    private void check(ServiceRequest request) {
        List<FieldError> errors = new ArrayList<>(request.price().problems("price"));
        if (request.deposit() != null) {
            errors.addAll(request.deposit().problems());
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
    }

    private static DepositRule deposit(ServiceRequest request) {
        return request.deposit() == null ? new DepositRule.None() : request.deposit().rule();
    }

    /** The category of that name (made if new), or none for a blank name. */
    private UUID categoryOf(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return categories.findByNameIgnoreCase(name.strip())
                .orElseGet(() -> categories.save(new ServiceCategory(name.strip(), (int) categories.count())))
                .id();
    }

    private static SalonService.Definition definition(ServiceRequest request, UUID categoryId) {
        return new SalonService.Definition(request.name(), categoryId, request.description(),
                request.durationMinutes(), Objects.requireNonNullElse(request.processingOffsetMinutes(), 0),
                Objects.requireNonNullElse(request.processingMinutes(), 0),
                Objects.requireNonNullElse(request.bufferBeforeMinutes(), 0),
                Objects.requireNonNullElse(request.bufferAfterMinutes(), 0), request.price().amount(),
                TenantContext.require().currency(), Objects.requireNonNullElse(request.onlineBookable(), true),
                new HashSet<>(orEmpty(request.resourceTypes())));
    }

    private Map<UUID, String> categoryNames() {
        return categories.findAll().stream()
                .collect(Collectors.toMap(ServiceCategory::id, ServiceCategory::name, (a, b) -> a));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

}
