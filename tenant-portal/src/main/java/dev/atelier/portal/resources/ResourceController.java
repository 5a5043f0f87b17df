package dev.atelier.portal.resources;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.Resource;
import dev.atelier.platform.catalog.ResourceRepository;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Chairs, basins and rooms: everyone on the staff sees them; owners and managers add, rename and retire them. */
@RestController
@RequestMapping("/api/v1/resources")
class ResourceController {

    private final ResourceRepository resources;
    private final LocationRepository locations;

    ResourceController(ResourceRepository resources, LocationRepository locations) {
        this.resources = resources;
        this.locations = locations;
    }

    /** {@code ?locationId=} (optional) keeps one location's. */
    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public List<ResourceView> list(StaffMember caller, @RequestParam(required = false) UUID locationId) {
        if (locationId == null) {
            return resources.findAllByOrderByNameAscIdAsc().stream().map(ResourceView::of).toList();
        }
        locations.findById(locationId).orElseThrow(() -> new NotFoundException("location"));
        return resources.findByLocationIdOrderByNameAscIdAsc(locationId).stream().map(ResourceView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<ResourceView> add(StaffMember caller, @Valid @RequestBody ResourceRequest request) {
        if (locations.findById(request.locationId()).isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldError("locationId", "no location "
                    + request.locationId() + " here")));
        }
        Resource resource = resources.save(new Resource(request.locationId(), request.name(), request.type()));
        return ResponseEntity.created(URI.create("/api/v1/resources/" + resource.id()))
                .body(ResourceView.of(resource));
    }

    @PatchMapping("/{id}")
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResourceView change(StaffMember caller, @PathVariable UUID id, @Valid @RequestBody ResourcePatch patch) {
        Resource resource = resources.findById(id).orElseThrow(() -> new NotFoundException("resource"));
        if (patch.name() != null) {
            resource.rename(patch.name());
        }
        if (patch.active() != null) {
            resource.activate(patch.active());
        }
        return ResourceView.of(resource);
    }
}
