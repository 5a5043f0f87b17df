package dev.atelier.storefront.customers;

import dev.atelier.platform.identity.PersonNames;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A customer registering: a name, an email or a phone number (E.164) or both, and a password. */
record CustomerRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = PersonNames.ALLOWED, message = PersonNames.MESSAGE) String name,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be a phone number in E.164 form, such as +8613800138000") String phone,
        @NotNull @Size(min = 8, max = 128) String password) {

    @Override
    public String toString() {
        return "CustomerRequest[" + email + ", " + phone + "]";
    }
}
