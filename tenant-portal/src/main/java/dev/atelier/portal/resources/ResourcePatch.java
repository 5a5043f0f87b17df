package dev.atelier.portal.resources;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Changes to a resource; absent fields stay as they are. An inactive resource is not offered to new bookings. */
record ResourcePatch(
        @Size(min = 1, max = 120) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        Boolean active) {
}
