package dev.atelier.portal.services;

import dev.atelier.platform.catalog.SalonService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A service for the menu. {@code category} is a name (made if new); processing time is the stretch inside the
 * service during which the stylist is free for someone else; {@code staffIds} perform it; {@code leadTimeMinutes}
 * and {@code horizonDays} (optional) make the chain's booking policy stricter for this service.
 */
record ServiceRequest(@NotBlank @Size(max = 200) String name, @Size(max = 120) String category,
        @Size(max = 2000) String description, @NotNull @Min(5) @Max(720) Integer durationMinutes,
        @Min(0) @Max(720) Integer processingOffsetMinutes, @Min(0) @Max(720) Integer processingMinutes,
        @Min(0) @Max(240) Integer bufferBeforeMinutes, @Min(0) @Max(240) Integer bufferAfterMinutes,
        @NotNull @Valid Price price, Boolean onlineBookable,
        @Size(max = 10) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9-]+") String> resourceTypes,
        @Size(max = 200) List<@NotNull UUID> staffIds,
        @Min(0) @Max(SalonService.MAX_LEAD_TIME_MINUTES) Integer leadTimeMinutes,
        @Min(1) @Max(SalonService.MAX_HORIZON_DAYS) Integer horizonDays) {

    /** An amount (at most 2 decimals, below ten billion: what the price columns hold) in the tenant's currency. */
    record Price(@NotNull @Min(0) @DecimalMax("9999999999.99") BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency) {
    }
}
