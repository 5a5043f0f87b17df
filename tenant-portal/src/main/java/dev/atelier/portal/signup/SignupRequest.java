package dev.atelier.portal.signup;

import dev.atelier.platform.identity.PersonNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/signup}, as the API contract fixes it. */
public record SignupRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = PRINTABLE, message = NO_CONTROLS) String chainName,
        @NotNull String slug,
        @NotBlank String country, @NotBlank String currency, @NotBlank String timezone, @NotBlank String locale,
        @Valid @NotNull Owner owner) {

    /** Any text without control characters (which PostgreSQL text cannot hold, or which break display). */
    static final String PRINTABLE = "[^\\p{Cntrl}]*";
    static final String NO_CONTROLS = "must not contain control characters";

    public record Owner(
            @NotBlank @Size(max = 200) @Pattern(regexp = PersonNames.ALLOWED, message = PersonNames.MESSAGE) String name,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 10, max = 200) String password) {
    }
}
