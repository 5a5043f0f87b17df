package dev.atelier.portal.bookings;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.booking.StaffBookings;
import dev.atelier.platform.scheduling.AvailabilitySearch;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The diary: everyone on the staff reads it; front desk and stylists check clients in, complete, mark no-shows. */
@RestController
@RequestMapping("/api/v1/bookings")
class DiaryController {

    private final StaffBookings bookings;
    private final AvailabilitySearch availability;

    DiaryController(StaffBookings bookings, AvailabilitySearch availability) {
        this.bookings = bookings;
        this.availability = availability;
    }

    /** When each stylist works on the dates: what the calendar leaves unshaded. */
    record WorkingTimeView(String locationId, String timezone, List<StaffWorking> staff) {
    }

    record StaffWorking(String staffId, List<Span> working) {
    }

    record Span(Instant start, Instant end) {
    }

    /**
     * {@code ?from=&to=&locationId=}: local dates, inclusive, at most 31 days; each stylist's working time there
     * (shifts within opening hours, less holidays, closures, breaks and time off). A stylist's is their own.
     */
    @GetMapping("/working-time")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    public WorkingTimeView workingTime(StaffMember caller,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam UUID locationId) {
        AvailabilitySearch.WorkingTime found = availability.workingTime(locationId, from, to);
        List<StaffWorking> staff = found.staff().entrySet().stream()
                .filter(entry -> caller.role() != STYLIST || entry.getKey().equals(caller.membership().id()))
                .map(entry -> new StaffWorking(entry.getKey().toString(), entry.getValue().stream()
                        .map(span -> new Span(span.start(), span.end())).toList()))
                .toList();
        return new WorkingTimeView(locationId.toString(), found.zone().getId(), staff);
    }

    /** {@code ?from=&to=&locationId=&staffId=}: local dates, inclusive. A stylist's diary is always their own. */
    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    public List<StaffBookings.DiaryEntry> diary(StaffMember caller,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID locationId, @RequestParam(required = false) UUID staffId) {
        return bookings.diary(from, to, locationId, caller.role() == STYLIST ? caller.membership().id() : staffId);
    }

    @PostMapping("/{id}/check-in")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    public ResponseEntity<Void> checkIn(StaffMember caller, @PathVariable UUID id) {
        bookings.advance(id, "check-in", caller.caller().userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    public ResponseEntity<Void> complete(StaffMember caller, @PathVariable UUID id) {
        bookings.advance(id, "complete", caller.caller().userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/no-show")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST})
    public ResponseEntity<Void> noShow(StaffMember caller, @PathVariable UUID id) {
        bookings.advance(id, "no-show", caller.caller().userId());
        return ResponseEntity.noContent().build();
    }
}
