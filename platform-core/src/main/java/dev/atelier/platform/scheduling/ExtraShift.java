package dev.atelier.platform.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A one-off working stretch of a stylist at a location on one date, on the location's wall clock. */
@Entity
@Table(name = "staff_extra_shift")
public class ExtraShift {

    @Id
    private UUID id;

    @Column(name = "staff_id")
    private UUID staffId;

    @Column(name = "location_id")
    private UUID locationId;

    private LocalDate day;

    @Column(name = "start_minute")
    private short startMinute;

    @Column(name = "end_minute")
    private short endMinute;

    protected ExtraShift() {
    }

    public ExtraShift(UUID staffId, UUID locationId, LocalDate day, int startMinute, int endMinute) {
        if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
            throw new IllegalArgumentException("an extra shift starts before it ends, within the day");
        }
        if (!CalendarLimits.contains(day)) {
            throw new IllegalArgumentException("an extra shift's date " + CalendarLimits.DESCRIPTION);
        }
        this.id = UUID.randomUUID();
        this.staffId = Objects.requireNonNull(staffId, "staffId");
        this.locationId = Objects.requireNonNull(locationId, "locationId");
        this.day = day;
        this.startMinute = (short) startMinute;
        this.endMinute = (short) endMinute;
    }

    /** Whether this and {@code other} (of the same person) share some minutes. */
    public boolean overlaps(LocalDate otherDay, int otherStart, int otherEnd) {
        return day.equals(otherDay) && startMinute < otherEnd && otherStart < endMinute;
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

    public LocalDate day() {
        return day;
    }

    public int startMinute() {
        return startMinute;
    }

    public int endMinute() {
        return endMinute;
    }
}
