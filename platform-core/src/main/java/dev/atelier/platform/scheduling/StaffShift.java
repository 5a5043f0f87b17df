package dev.atelier.platform.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A weekly stretch of a stylist's week at a location, on the location's wall clock: a shift they work, or a break
 * inside it. Valid from/until dates (inclusive, either open) let a new rota start on a given Monday.
 */
@Entity
@Table(name = "staff_shift")
public class StaffShift {

    /** Work or a pause. */
    public enum Kind {
        SHIFT,
        BREAK
    }

    @Id
    private UUID id;

    @Column(name = "staff_id")
    private UUID staffId;

    @Column(name = "location_id")
    private UUID locationId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private short day;

    @Column(name = "start_minute")
    private short startMinute;

    @Column(name = "end_minute")
    private short endMinute;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    protected StaffShift() {
    }

    public StaffShift(UUID staffId, UUID locationId, Kind kind, DayOfWeek day, int startMinute, int endMinute,
            LocalDate validFrom, LocalDate validUntil) {
        if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
            throw new IllegalArgumentException("a shift starts before it ends, within the day");
        }
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid until is before valid from");
        }
        this.id = UUID.randomUUID();
        this.staffId = staffId;
        this.locationId = locationId;
        this.kind = kind;
        this.day = (short) day.getValue();
        this.startMinute = (short) startMinute;
        this.endMinute = (short) endMinute;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    public UUID id() {
        return id;
    }

    public UUID staffId() {
        return staffId;
    }

    public UUID locationId() {
        return locationId;
    }

    public Kind kind() {
        return kind;
    }

    public DayOfWeek day() {
        return DayOfWeek.of(day);
    }

    public int startMinute() {
        return startMinute;
    }

    public int endMinute() {
        return endMinute;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }
}
