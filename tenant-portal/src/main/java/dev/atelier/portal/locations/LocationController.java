package dev.atelier.portal.locations;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.catalog.Address;
import dev.atelier.platform.catalog.Location;
import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.catalog.LocationView;
import dev.atelier.platform.catalog.OpeningHours;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.platform.web.RequestValidation;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's locations: everyone on the staff sees them; owners and managers add and change them. */
@RestController
@RequestMapping("/api/v1/locations")
class LocationController {

    private final LocationRepository locations;
    private final RequestValidation validation;
    private final Clock clock;

    LocationController(LocationRepository locations, RequestValidation validation, Clock clock) {
        this.locations = locations;
        this.validation = validation;
        this.clock = clock;
    }

    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public List<LocationView> list(StaffMember caller) {
        return locations.findAllByOrderByName().stream().map(LocationView::of).toList();
    }

    @GetMapping("/{id}")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public LocationView get(StaffMember caller, @PathVariable UUID id) {
        return locations.findById(id).map(LocationView::of).orElseThrow(() -> new NotFoundException("location"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<LocationView> add(StaffMember caller, @Valid @RequestBody LocationRequest request) {
        Checked checked = check(request);
        LocationRequest.AddressRequest address = request.address();
        Location location = locations.save(new Location(request.name().strip(), new Address(address.line1(),
                address.city(), address.region(), address.postalCode(), address.country()), request.latitude(),
                request.longitude(), checked.zone(), request.phone(), checked.hours(), clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/locations/" + location.id()))
                .body(LocationView.of(location));
    }

    /** Changes any of a location's fields; the result passes the same checks as a new location. */
    @PatchMapping("/{id}")
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public LocationView change(StaffMember caller, @PathVariable UUID id, @RequestBody LocationPatch patch) {
        Location location = locations.findById(id).orElseThrow(() -> new NotFoundException("location"));
        LocationRequest changed = patch.over(location);
        validation.requireValid(changed);
        Checked checked = check(changed);
        LocationRequest.AddressRequest address = changed.address();
        location.change(changed.name().strip(), new Address(address.line1(), address.city(), address.region(),
                address.postalCode(), address.country()), changed.latitude(), changed.longitude(), checked.zone(),
                changed.phone(), checked.hours(), clock.instant());
        return LocationView.of(location);
    }

    /** A location's zone and opening hours, once they have passed the rules a location's fields meet together. */
    private record Checked(ZoneId zone, List<OpeningHours> hours) {
    }

    private static Checked check(LocationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(request.timezone());
        } catch (DateTimeException e) {
            errors.add(new FieldError("timezone", "must be an IANA time zone such as Asia/Shanghai"));
        }
        List<OpeningHours> hours = new ArrayList<>();
        for (int i = 0; i < request.openingHours().size(); i++) {
            LocationRequest.HoursRequest interval = request.openingHours().get(i);
            LocalTime opens = LocalTime.parse(interval.opens());
            LocalTime closes = LocalTime.parse(interval.closes());
            if (!opens.isBefore(closes)) {
                errors.add(new FieldError("openingHours[" + i + "]", "must open before it closes"));
            } else {
                hours.add(new OpeningHours(DayOfWeek.valueOf(interval.day()), opens, closes));
            }
        }
        hours.sort(Comparator.comparing(OpeningHours::day).thenComparing(OpeningHours::opens));
        for (int i = 1; i < hours.size(); i++) {
            OpeningHours before = hours.get(i - 1);
            OpeningHours next = hours.get(i);
            if (before.day() == next.day() && next.opens().isBefore(before.closes())) {
                errors.add(new FieldError("openingHours", "intervals on " + next.day() + " overlap"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Checked(zone, hours);
    }
}
