package dev.atelier.portal.resources;

import dev.atelier.platform.catalog.Resource;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A chair, basin or room at a location; {@code type} is what services ask for ({@code "basin"}). */
record ResourceRequest(@NotNull UUID locationId, @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 40) @Pattern(regexp = Resource.TYPE_PATTERN, message = "must be lower-case letters, digits and dashes") String type) {
}
