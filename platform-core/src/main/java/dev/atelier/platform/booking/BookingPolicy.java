package dev.atelier.platform.booking;

import dev.atelier.platform.booking.model.CancellationPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A chain's booking rules, one row: the slot grid, how soon and how far ahead customers may book, how long a hold
 * lasts, what cancelling late costs and what not coming costs. The ranges are the table's own checks.
 */
@Entity
@Table(name = "booking_policy")
public class BookingPolicy {

    /** The only row's id. */
    public static final short ID = 1;

    /** The settings, each within its range. */
    public record Settings(int slotStepMinutes, int leadTimeMinutes, int horizonDays, int holdMinutes,
            int freeCancellationHours, int lateCancellationFeePercent, int noShowFeePercent) {

        public static final int MIN_SLOT_STEP = 5;
        public static final int MAX_SLOT_STEP = 240;
        public static final int MAX_LEAD_TIME = 43_200;
        public static final int MIN_HORIZON = 1;
        public static final int MAX_HORIZON = 730;
        public static final int MIN_HOLD = 1;
        public static final int MAX_HOLD = 60;
        public static final int MAX_FREE_CANCELLATION = CancellationPolicy.MAX_FREE_CANCELLATION_HOURS;
        public static final int MAX_FEE_PERCENT = CancellationPolicy.MAX_FEE_PERCENT;

        public Settings {
            within("slotStepMinutes", slotStepMinutes, MIN_SLOT_STEP, MAX_SLOT_STEP);
            within("leadTimeMinutes", leadTimeMinutes, 0, MAX_LEAD_TIME);
            within("horizonDays", horizonDays, MIN_HORIZON, MAX_HORIZON);
            within("holdMinutes", holdMinutes, MIN_HOLD, MAX_HOLD);
            within("freeCancellationHours", freeCancellationHours, 0, MAX_FREE_CANCELLATION);
            within("lateCancellationFeePercent", lateCancellationFeePercent, 0, MAX_FEE_PERCENT);
            within("noShowFeePercent", noShowFeePercent, 0, MAX_FEE_PERCENT);
        }

        private static void within(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max);
            }
        }
    }

    @Id
    private short id;

    @Column(name = "slot_step_minutes")
    private int slotStepMinutes;

    @Column(name = "lead_time_minutes")
    private int leadTimeMinutes;

    @Column(name = "horizon_days")
    private int horizonDays;

    @Column(name = "hold_minutes")
    private int holdMinutes;

    @Column(name = "free_cancellation_hours")
    private int freeCancellationHours;

    @Column(name = "late_cancellation_fee_percent")
    private int lateCancellationFeePercent;

    @Column(name = "no_show_fee_percent")
    private int noShowFeePercent;

    protected BookingPolicy() {
    }

    public Settings settings() {
        return new Settings(slotStepMinutes, leadTimeMinutes, horizonDays, holdMinutes, freeCancellationHours,
                lateCancellationFeePercent, noShowFeePercent);
    }

    /** What cancelling late and not coming cost. */
    public CancellationPolicy cancellation() {
        return new CancellationPolicy(freeCancellationHours, lateCancellationFeePercent, noShowFeePercent);
    }

    /** Replaces every setting. */
    public void change(Settings settings) {
        this.slotStepMinutes = settings.slotStepMinutes();
        this.leadTimeMinutes = settings.leadTimeMinutes();
        this.horizonDays = settings.horizonDays();
        this.holdMinutes = settings.holdMinutes();
        this.freeCancellationHours = settings.freeCancellationHours();
        this.lateCancellationFeePercent = settings.lateCancellationFeePercent();
        this.noShowFeePercent = settings.noShowFeePercent();
    }
}
