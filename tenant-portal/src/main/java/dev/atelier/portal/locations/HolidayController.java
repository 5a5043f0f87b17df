package dev.atelier.portal.locations;

import static dev.atelier.platform.identity.StaffRole.MANAGER;
import static dev.atelier.platform.identity.StaffRole.OWNER;
import static dev.atelier.platform.identity.StaffRole.RECEPTIONIST;
import static dev.atelier.platform.identity.StaffRole.STYLIST;

import dev.atelier.platform.catalog.LocationRepository;
import dev.atelier.platform.scheduling.CalendarLimits;
import dev.atelier.platform.scheduling.LocationHoliday;
import dev.atelier.platform.scheduling.LocationHolidayRepository;
import dev.atelier.platform.web.FieldError;
import dev.atelier.platform.web.InvalidRequestException;
import dev.atelier.platform.web.NotFoundException;
import dev.atelier.portal.access.StaffMember;
import dev.atelier.portal.access.StaffRoles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whole local dates a location is shut (public holidays): everyone on the staff sees them; owners and managers set
 * and remove them. Setting a date twice keeps one holiday with the latest name.
 */
@RestController
@RequestMapping("/api/v1/locations/{id}/holidays")
class HolidayController {

    /** The holiday's name, optional. */
    record HolidayRequest(@Size(max = 120) String name) {
    }

    record HolidayView(String locationId, LocalDate date, String name) {

        static HolidayView of(LocationHoliday holiday) {
            return new HolidayView(holiday.locationId().toString(), holiday.day(), holiday.name());
        }
    }

    private final LocationRepository locations;
    private final LocationHolidayRepository holidays;

    HolidayController(LocationRepository locations, LocationHolidayRepository holidays) {
        this.locations = locations;
        this.holidays = holidays;
    }

    /** {@code ?year=} (optional) keeps one year's. */
    @GetMapping
    @StaffRoles({OWNER, MANAGER, RECEPTIONIST, STYLIST})
    @Transactional(readOnly = true)
    public List<HolidayView> list(StaffMember caller, @PathVariable UUID id,
            @RequestParam(required = false) Integer year) {
        requireLocation(id);
        LocalDate from = CalendarLimits.EARLIEST;
        LocalDate to = CalendarLimits.LATEST;
        if (year != null) {
            if (year < from.getYear() || year > to.getYear()) {
                throw new InvalidRequestException(List.of(new FieldError("year",
                        "must be " + from.getYear() + " to " + to.getYear())));
            }
            from = LocalDate.of(year, 1, 1);
            to = LocalDate.of(year, 12, 31);
        }
        return holidays.findByLocationIdAndDayBetweenOrderByDayAsc(id, from, to).stream().map(HolidayView::of)
                .toList();
    }

    @PutMapping("/{date}")
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public HolidayView set(StaffMember caller, @PathVariable UUID id,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody(required = false) HolidayRequest request) {
        requireLocation(id);
        requireWithinLimits(date);
        String name = request == null || request.name() == null || request.name().isBlank()
                ? null
                : request.name().strip();
        LocationHoliday holiday = holidays.findById(new LocationHoliday.Key(id, date)).orElse(null);
        if (holiday == null) {
            holiday = holidays.save(new LocationHoliday(id, date, name));
        } else {
            holiday.rename(name);
        }
        return HolidayView.of(holiday);
    }

    @DeleteMapping("/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @StaffRoles({OWNER, MANAGER})
    @Transactional
    public ResponseEntity<Void> remove(StaffMember caller, @PathVariable UUID id,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        requireLocation(id);
        requireWithinLimits(date);
        holidays.delete(holidays.findById(new LocationHoliday.Key(id, date))
                .orElseThrow(() -> new NotFoundException("holiday")));
        return ResponseEntity.noContent().build();
    }

    private void requireLocation(UUID id) {
        if (!locations.existsById(id)) {
            throw new NotFoundException("location");
        }
    }

    private static void requireWithinLimits(LocalDate date) {
        if (!CalendarLimits.contains(date)) {
            throw new InvalidRequestException(List.of(new FieldError("date", CalendarLimits.DESCRIPTION)));
        }
    }
}
