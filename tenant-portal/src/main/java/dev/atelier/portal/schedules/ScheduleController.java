package dev.atelier.portal.schedules;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;

import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.scheduling.StaffShiftRepository;
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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Owners and managers set a staff member's weekly schedule at a location and record their time off. */
@RestController
@RequestMapping("/api/v1/staff/{id}")
class ScheduleController {

    private final MembershipRepository staff;
    private final StaffShiftRepository shifts;
    private final TimeOffRepository timeOff;
    private final Clock clock;

    ScheduleController(MembershipRepository staff, StaffShiftRepository shifts, TimeOffRepository timeOff,
            Clock clock) {
        this.staff = staff;
        this.shifts = shifts;
        this.timeOff = timeOff;
        this.clock = clock;
    }

    /** What a schedule looks like after it is set. */
    record ScheduleView(String staffId, String locationId, List<ScheduleRequest.Span> weekly,
            List<ScheduleRequest.Span> breaks, LocalDate validFrom, LocalDate validUntil) {
    }

    record TimeOffView(String id, String staffId, Instant start, Instant end, String reason) {
    }

    @PutMapping("/schedule")
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ScheduleView setSchedule(StaffMember caller, @PathVariable UUID id,
            @Valid @RequestBody ScheduleRequest request) {
        Membership member = staff.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
        List<FieldError> errors = new ArrayList<>();
        if (!member.locationIds().contains(request.locationId())) {
            errors.add(new FieldError("locationId", "the staff member does not work at this location"));
        }
        if (request.validFrom() != null && request.validUntil() != null
                && request.validUntil().isBefore(request.validFrom())) {
            errors.add(new FieldError("validUntil", "must not be before validFrom"));
        }
        List<ScheduleRequest.Span> weekly = request.weekly();
        List<ScheduleRequest.Span> breaks = request.breaks() == null ? List.of() : request.breaks();
        check("weekly", weekly, errors);
        check("breaks", breaks, errors);
        for (int i = 0; i < breaks.size(); i++) {
            ScheduleRequest.Span pause = breaks.get(i);
            boolean inside = weekly.stream().anyMatch(shift -> shift.day().equals(pause.day())
                    && shift.startMinute() <= pause.startMinute() && pause.endMinute() <= shift.endMinute());
            if (!inside) {
                errors.add(new FieldError("breaks[" + i + "]", "must lie inside a shift of the same day"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        shifts.deleteByStaffIdAndLocationId(id, request.locationId());
        List<StaffShift> rows = new ArrayList<>();
        weekly.forEach(span -> rows.add(row(id, request, StaffShift.Kind.SHIFT, span)));
        breaks.forEach(span -> rows.add(row(id, request, StaffShift.Kind.BREAK, span)));
        shifts.saveAll(rows);
        Comparator<ScheduleRequest.Span> order = Comparator
                .comparing((ScheduleRequest.Span span) -> DayOfWeek.valueOf(span.day()))
                .thenComparing(ScheduleRequest.Span::startMinute);
        return new ScheduleView(id.toString(), request.locationId().toString(), weekly.stream().sorted(order).toList(),
                breaks.stream().sorted(order).toList(), request.validFrom(), request.validUntil());
    }

    @PostMapping("/time-off")
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<TimeOffView> addTimeOff(StaffMember caller, @PathVariable UUID id,
            @Valid @RequestBody TimeOffRequest request) {
        staff.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
        List<FieldError> errors = new ArrayList<>();
        if (!request.start().isBefore(request.end())) {
            errors.add(new FieldError("end", "must be after start"));
        } else if (Duration.between(request.start(), request.end()).compareTo(TimeOff.LONGEST) > 0) {
            errors.add(new FieldError("end", "time off lasts at most " + TimeOff.LONGEST.toDays() + " days"));
        }
        if (!request.end().isAfter(clock.instant())) {
            errors.add(new FieldError("end", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        TimeOff away = timeOff.save(new TimeOff(id, request.start(), request.end(), request.reason(),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/staff/" + id + "/time-off/" + away.id()))
                .body(new TimeOffView(away.id().toString(), id.toString(), away.startsAt(), away.endsAt(),
                        away.reason()));
    }

    private static StaffShift row(UUID staffId, ScheduleRequest request, StaffShift.Kind kind,
            ScheduleRequest.Span span) {
        return new StaffShift(staffId, request.locationId(), kind, DayOfWeek.valueOf(span.day()), span.startMinute(),
                span.endMinute(), request.validFrom(), request.validUntil());
    }

    /** Each span starts before it ends; spans of one day do not overlap. */
    private static void check(String field, List<ScheduleRequest.Span> spans, List<FieldError> errors) {
        for (int i = 0; i < spans.size(); i++) {
            ScheduleRequest.Span span = spans.get(i);
            if (span.startMinute() >= span.endMinute()) {
                errors.add(new FieldError(field + "[" + i + "]", "must start before it ends"));
                continue;
            }
            for (int j = 0; j < i; j++) {
                ScheduleRequest.Span other = spans.get(j);
                if (other.day().equals(span.day()) && other.startMinute() < span.endMinute()
                        && span.startMinute() < other.endMinute()) {
                    errors.add(new FieldError(field + "[" + i + "]", "overlaps " + field + "[" + j + "]"));
                }
            }
        }
    }
}
