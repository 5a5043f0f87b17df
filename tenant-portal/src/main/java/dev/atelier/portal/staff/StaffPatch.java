package dev.atelier.portal.staff;

import dev.atelier.platform.identity.StaffRole;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Changes to a staff member; absent fields stay as they are. */
record StaffPatch(@Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        StaffRole role, @Size(max = 100) List<@NotNull UUID> locationIds,
        @Size(max = 200) List<@NotNull UUID> serviceIds) {
}
