package dev.atelier.portal.schedules;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.scheduling.CalendarLimits;
import dev.atelier.platform.scheduling.TimeOff;
import dev.atelier.platform.scheduling.TimeOffRepository;
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

/** A staff member's time off: everyone on the staff reads it; owners and managers record and remove it. */
@RestController
@RequestMapping("/api/v1/staff/{id}/time-off")
class TimeOffController {

    private final MembershipRepository staff;
    private final TimeOffRepository timeOff;
    private final Clock clock;

    TimeOffController(MembershipRepository staff, TimeOffRepository timeOff, Clock clock) {
        this.staff = staff;
        this.timeOff = timeOff;
        this.clock = clock;
    }

    record TimeOffView(String id, String staffId, Instant start, Instant end, String reason) {

        static TimeOffView of(TimeOff away) {
            return new TimeOffView(away.id().toString(), away.staffId().toString(), away.startsAt(), away.endsAt(),
                    away.reason());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<TimeOffView> add(StaffMember caller, @PathVariable UUID id,
            @Valid @RequestBody TimeOffRequest request) {
        staff.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
        List<FieldError> errors = CalendarLimits.spanErrors(request.start(), request.end(), TimeOff.LONGEST,
                "time off", clock.instant());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        TimeOff away = timeOff.save(new TimeOff(id, request.start(), request.end(), request.reason(),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/staff/" + id + "/time-off/" + away.id()))
                .body(TimeOffView.of(away));
    }

    /** {@code ?from=&to=} (instants, optional): the time off overlapping that stretch, in start order. */
    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public List<TimeOffView> list(StaffMember caller, @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        staff.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidRequestException(List.of(new FieldError("to", "must be after from")));
        }
        return timeOff.findByStaffIdOrderByStartsAt(id).stream()
                .filter(away -> (from == null || away.endsAt().isAfter(from))
                        && (to == null || away.startsAt().isBefore(to)))
                .map(TimeOffView::of)
                .toList();
    }

    @DeleteMapping("/{timeOffId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<Void> remove(StaffMember caller, @PathVariable UUID id,
            @PathVariable UUID timeOffId) {
        staff.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
        TimeOff away = timeOff.findById(timeOffId).filter(found -> found.staffId().equals(id))
                .orElseThrow(() -> new NotFoundException("time off"));
        timeOff.delete(away);
        return ResponseEntity.noContent().build();
    }
}
