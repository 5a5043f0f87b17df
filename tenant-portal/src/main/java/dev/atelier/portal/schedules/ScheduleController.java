package dev.atelier.portal.schedules;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.identity.Membership;
import dev.atelier.platform.identity.MembershipRepository;
import dev.atelier.platform.scheduling.CalendarLimits;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.scheduling.StaffShiftRepository;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A staff member's weekly schedule at a location: everyone on the staff reads it; owners and managers set it. */
@RestController
@RequestMapping("/api/v1/staff/{id}")
class ScheduleController {

    private final MembershipRepository staff;
    private final StaffShiftRepository shifts;
    private final LocationRepository locations;

    ScheduleController(MembershipRepository staff, StaffShiftRepository shifts, LocationRepository locations) {
        this.staff = staff;
        this.shifts = shifts;
        this.locations = locations;
    }

    /** What a schedule looks like after it is set. */
    record ScheduleView(String staffId, String locationId, List<ScheduleRequest.Span> weekly,
            List<ScheduleRequest.Span> breaks, LocalDate validFrom, LocalDate validUntil) {
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
        if (request.validFrom() != null && !CalendarLimits.contains(request.validFrom())) {
            errors.add(new FieldError("validFrom", CalendarLimits.DESCRIPTION));
        }
        if (request.validUntil() != null && !CalendarLimits.contains(request.validUntil())) {
            errors.add(new FieldError("validUntil", CalendarLimits.DESCRIPTION));
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

    /** The week {@code PUT /schedule} set at {@code locationId} (empty lists when there is none). */
    @GetMapping("/schedule")
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public ScheduleView schedule(StaffMember caller, @PathVariable UUID id, @RequestParam UUID locationId) {
        staff.findById(id).orElseThrow(() -> new NotFoundException("staff member"));
        if (!locations.existsById(locationId)) {
            throw new NotFoundException("location");
        }
        List<StaffShift> rows = shifts.findByStaffIdOrderByDayAscStartMinuteAsc(id).stream()
                .filter(shift -> shift.locationId().equals(locationId)).toList();
        List<ScheduleRequest.Span> weekly = new ArrayList<>();
        List<ScheduleRequest.Span> breaks = new ArrayList<>();
        for (StaffShift shift : rows) {
            (shift.kind() == StaffShift.Kind.SHIFT ? weekly : breaks).add(new ScheduleRequest.Span(shift.day().name(),
                    WallClock.format(shift.startMinute()), WallClock.format(shift.endMinute())));
        }
        StaffShift first = rows.isEmpty() ? null : rows.getFirst();
        return new ScheduleView(id.toString(), locationId.toString(), weekly, breaks,
                first == null ? null : first.validFrom(), first == null ? null : first.validUntil());
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
