package dev.atelier.platform.tenancy;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's public handle, used as its storefront sub-domain: 3 to 40 characters of {@code a-z0-9-}, starting and
 * ending with a letter or digit, and not a name the platform keeps for itself.
 */
public record Slug(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]");

    static final Set<String> RESERVED = Set.of("www", "api", "admin", "app", "apps", "auth", "login", "logout",
            "signup", "account", "accounts", "billing", "portal", "static", "assets", "cdn", "mail", "smtp", "imap",
            "ftp", "help", "support", "status", "docs", "blog", "dev", "test", "staging", "prod", "platform",
            "atelier", "keycloak", "search", "root", "system", "internal", "localhost", "dashboard", "console");

    public Slug {
        String problem = problemWith(value).orElse(null);
        if (problem != null) {
            throw new InvalidSlugException(problem);
        }
    }

    public static Slug of(String value) {
        return new Slug(value);
    }

    /** Why {@code candidate} is not a usable slug, or empty when it is one. */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null || candidate.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (candidate.length() < 3 || candidate.length() > 40) {
            return Optional.of("must be 3 to 40 characters long");
        }
        if (!SHAPE.matcher(candidate).matches()) {
            return Optional.of("may hold only a-z, 0-9 and '-', and must start and end with a letter or digit");
        }
        if (RESERVED.contains(candidate)) {
            return Optional.of("is reserved");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }

    /** Thrown for a slug that breaks the rules; the message says which rule. */
    public static final class InvalidSlugException extends IllegalArgumentException {
        InvalidSlugException(String message) {
            super("slug " + message);
        }
    }
}
