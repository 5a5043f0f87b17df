package dev.atelier.portal.locations;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A location as the contract names it; times {@code HH:mm} and days {@code MONDAY}…{@code SUNDAY}. */
record LocationRequest(@NotBlank @Size(max = 200) String name, @NotNull @Valid AddressRequest address,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude, @NotBlank @Size(max = 64) String timezone,
        @Size(max = 32) @Pattern(regexp = "[+0-9 ()-]*", message = "must be a phone number") String phone,
        @NotNull @Size(max = 50) List<@NotNull @Valid HoursRequest> openingHours) {

    record AddressRequest(@NotBlank @Size(max = 200) String line1, @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region, @Size(max = 20) String postalCode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String country) {
    }

    record HoursRequest(
            @NotNull @Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY", message = "must be a day name, MONDAY to SUNDAY") String day,
            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String opens,
            @NotNull @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm") String closes) {
    }
}
