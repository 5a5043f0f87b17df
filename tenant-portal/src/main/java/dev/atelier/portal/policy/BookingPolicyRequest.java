package dev.atelier.portal.policy;

import static dev.atelier.platform.booking.BookingPolicy.Settings.MAX_FEE_PERCENT;
import static dev.atelier.platform.booking.BookingPolicy.Settings.MAX_FREE_CANCELLATION;
import static dev.atelier.platform.booking.BookingPolicy.Settings.MAX_HOLD;
import static dev.atelier.platform.booking.BookingPolicy.Settings.MAX_HORIZON;
import static dev.atelier.platform.booking.BookingPolicy.Settings.MAX_LEAD_TIME;
import static dev.atelier.platform.booking.BookingPolicy.Settings.MAX_SLOT_STEP;
import static dev.atelier.platform.booking.BookingPolicy.Settings.MIN_HOLD;
import static dev.atelier.platform.booking.BookingPolicy.Settings.MIN_HORIZON;
import static dev.atelier.platform.booking.BookingPolicy.Settings.MIN_SLOT_STEP;

import dev.atelier.platform.booking.BookingPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Every booking rule of the chain at once; each within the range the policy allows. {@code noShowFeePercent} is
 * optional: left out, the chain's current no-show fee stays.
 */
record BookingPolicyRequest(@NotNull @Min(MIN_SLOT_STEP) @Max(MAX_SLOT_STEP) Integer slotStepMinutes,
        @NotNull @Min(0) @Max(MAX_LEAD_TIME) Integer leadTimeMinutes,
        @NotNull @Min(MIN_HORIZON) @Max(MAX_HORIZON) Integer horizonDays,
        @NotNull @Min(MIN_HOLD) @Max(MAX_HOLD) Integer holdMinutes,
        @NotNull @Min(0) @Max(MAX_FREE_CANCELLATION) Integer freeCancellationHours,
        @NotNull @Min(0) @Max(MAX_FEE_PERCENT) Integer lateCancellationFeePercent,
        @Min(0) @Max(MAX_FEE_PERCENT) Integer noShowFeePercent) {

    BookingPolicy.Settings settings(BookingPolicy.Settings current) {
        return new BookingPolicy.Settings(slotStepMinutes, leadTimeMinutes, horizonDays, holdMinutes,
                freeCancellationHours, lateCancellationFeePercent,
                noShowFeePercent == null ? current.noShowFeePercent() : noShowFeePercent);
    }
}
