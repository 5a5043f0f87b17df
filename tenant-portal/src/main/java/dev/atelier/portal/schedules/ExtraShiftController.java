package dev.atelier.portal.schedules;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.scheduling.CalendarLimits;
import dev.atelier.platform.scheduling.ExtraShift;
import dev.atelier.platform.scheduling.ExtraShiftRepository;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-off working days beyond a staff member's weekly schedule (covering a colleague, a late opening): everyone on
 * the staff sees them; owners and managers add and remove them. They open time only inside the location's hours.
 */
@RestController
@RequestMapping("/api/v1/staff/{id}/extra-shifts")
class ExtraShiftController {

    record ExtraShiftView(String id, String staffId, String locationId, LocalDate date, String start, String end) {

        static ExtraShiftView of(ExtraShift shift) {
            return new ExtraShiftView(shift.id().toString(), shift.staffId().toString(),
                    shift.locationId().toString(), shift.day(), WallClock.format(shift.startMinute()),
                    WallClock.format(shift.endMinute()));
        }
    }

    private final MembershipRepository staff;
    private final ExtraShiftRepository extras;

    ExtraShiftController(MembershipRepository staff, ExtraShiftRepository extras) {
        this.staff = staff;
        this.extras = extras;
    }

    /** {@code ?from=&to=} (local dates, inclusive, optional). */
    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public List<ExtraShiftView> list(StaffMember caller, @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        staff.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
        LocalDate first = from == null || from.isBefore(CalendarLimits.EARLIEST) ? CalendarLimits.EARLIEST : from;
        LocalDate last = to == null || to.isAfter(CalendarLimits.LATEST) ? CalendarLimits.LATEST : to;
        if (last.isBefore(first)) {
            throw new InvalidRequestException(List.of(new FieldError("to", "must not be before from")));
        }
        return extras.findByStaffIdAndDayBetweenOrderByDayAscStartMinuteAsc(id, first, last).stream()
                .map(ExtraShiftView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<ExtraShiftView> add(StaffMember caller, @PathVariable UUID id,
            @Valid @RequestBody ExtraShiftRequest request) {
        Membership member = staff.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
        List<FieldError> errors = new ArrayList<>();
        if (!member.locationIds().contains(request.locationId())) {
            errors.add(new FieldError("locationId", "the staff member does not work at this location"));
        }
        if (!CalendarLimits.contains(request.date())) {
            errors.add(new FieldError("date", CalendarLimits.DESCRIPTION));
        }
        int start = WallClock.minutes(request.start());
        int end = WallClock.minutes(request.end());
        if (start >= end) {
            errors.add(new FieldError("end", "must be after start"));
        } else if (extras.findByStaffIdAndDay(id, request.date()).stream()
                .anyMatch(other -> other.overlaps(request.date(), start, end))) {
            errors.add(new FieldError("start", "overlaps another extra shift of this staff member that day"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ExtraShift shift = extras.save(new ExtraShift(id, request.locationId(), request.date(), start, end));
        return ResponseEntity.created(URI.create("/api/v1/staff/" + id + "/extra-shifts/" + shift.id()))
                .body(ExtraShiftView.of(shift));
    }

    @DeleteMapping("/{shiftId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<Void> remove(StaffMember caller, @PathVariable UUID id, @PathVariable UUID shiftId) {
        staff.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
        extras.delete(extras.findByIdAndStaffId(shiftId, id).orElseThrow(() -> new NotFoundException("extra shift")));
        return ResponseEntity.noContent().build();
    }
}
