package dev.atelier.portal.staff;

import dev.atelier.platform.identity.PersonNames;
import dev.atelier.platform.identity.StaffRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A person to add to the staff. {@code role} defaults to stylist; {@code password} is optional: without it the
 * account (when it is new) must choose one at first sign-in.
 */
record StaffRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = PersonNames.ALLOWED, message = PersonNames.MESSAGE) String name,
        @NotBlank @Email @Size(max = 254) String email,
        StaffRole role, @Size(max = 100) List<@NotNull UUID> locationIds,
        @Size(max = 200) List<@NotNull UUID> serviceIds,
        @Size(min = 8, max = 128) String password) {
}
