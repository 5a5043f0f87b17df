package dev.atelier.platform.identity;

import java.util.regex.Pattern;

/**
 * What a person's name may hold, as the identity server's user profile checks it for first and last names (Keycloak's
 * {@code person-name-prohibited-characters} validator: none of {@code < > & " $ % ! # ? § ; * ~ / \ | ^ = [ ] { } ( )},
 * no control characters, no vertical whitespace). Requests are checked with it before the identity server is called,
 * so a refused name is a 400 naming the field, never an identity-server failure.
 */
public final class PersonNames {

    /**
     * For {@code @Pattern(regexp = PersonNames.ALLOWED, message = PersonNames.MESSAGE)}; an empty name matches, so
     * that {@code @NotBlank} alone names a missing one.
     */
    public static final String ALLOWED = "[^<>&\"\\v$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]*";
    public static final String MESSAGE = "must not contain any of < > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( ) "
            + "or control characters";

    private static final Pattern PATTERN = Pattern.compile(ALLOWED);

    private PersonNames() {
    }

    public static boolean isAllowed(String name) {
        return name != null && !name.isEmpty() && PATTERN.matcher(name).matches();
    }
}
