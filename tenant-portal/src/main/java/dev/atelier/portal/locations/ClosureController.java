package dev.atelier.portal.locations;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.scheduling.CalendarLimits;
import dev.atelier.platform.scheduling.LocationClosure;
import dev.atelier.platform.scheduling.LocationClosureRepository;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Closures of a location (no bookings while it is shut): everyone on the staff sees them; owners and managers set them. */
@RestController
@RequestMapping("/api/v1/locations/{id}/closures")
class ClosureController {

    record ClosureView(String id, String locationId, Instant start, Instant end, String reason) {

        static ClosureView of(LocationClosure closure) {
            return new ClosureView(closure.id().toString(), closure.locationId().toString(), closure.startsAt(),
                    closure.endsAt(), closure.reason());
        }
    }

    private final LocationRepository locations;
    private final LocationClosureRepository closures;
    private final Clock clock;

    ClosureController(LocationRepository locations, LocationClosureRepository closures, Clock clock) {
        this.locations = locations;
        this.closures = closures;
        this.clock = clock;
    }

    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public List<ClosureView> list(StaffMember caller, @PathVariable UUID id) {
        requireLocation(id);
        return closures.findByLocationIdOrderByStartsAtAsc(id).stream().map(ClosureView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<ClosureView> add(StaffMember caller, @PathVariable UUID id,
            @Valid @RequestBody ClosureRequest request) {
        requireLocation(id);
        List<FieldError> errors = CalendarLimits.spanErrors(request.start(), request.end(), LocationClosure.LONGEST,
                "a closure", clock.instant());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        LocationClosure closure = closures.save(new LocationClosure(id, request.start(), request.end(),
                request.reason()));
        return ResponseEntity.created(URI.create("/api/v1/locations/" + id + "/closures/" + closure.id()))
                .body(ClosureView.of(closure));
    }

    @DeleteMapping("/{closureId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<Void> remove(StaffMember caller, @PathVariable UUID id, @PathVariable UUID closureId) {
        requireLocation(id);
        closures.delete(closures.findByIdAndLocationId(closureId, id)
                .orElseThrow(() -> new NotFoundException("closure")));
        return ResponseEntity.noContent().build();
    }

    private void requireLocation(UUID id) {
        if (!locations.existsById(id)) {
            throw new NotFoundException("location");
        }
    }
}
