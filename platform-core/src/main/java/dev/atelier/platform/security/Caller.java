package dev.atelier.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as far as their verified token says: the platform account, the tenants (organizations) it is a
 * member of, and its platform roles. Tenant roles are not here: they live in each tenant's data.
 */
public record Caller(String userId, String email, String phone, String name, Set<String> organizations,
        Set<String> roles) {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String CUSTOMER = "customer";

    public Caller {
        organizations = Set.copyOf(organizations);
        roles = Set.copyOf(roles);
    }

    /** The caller of a token that has already been verified. */
    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("email"), jwt.getClaimAsString("phone_number"),
                name(jwt), organizations(jwt), realmRoles(jwt));
    }

    public boolean isPlatformAdmin() {
        return roles.contains(PLATFORM_ADMIN);
    }

    public boolean isCustomer() {
        return roles.contains(CUSTOMER);
    }

    private static String name(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        return name != null ? name : jwt.getClaimAsString("given_name");
    }

    /**
     * Keycloak writes the {@code organization} claim as a list of aliases, or as a map keyed by alias when the mapper
     * adds organization attributes; both are accepted, anything else counts as no organization.
     */
    static Set<String> organizations(Jwt jwt) {
        Object claim = jwt.getClaims().get("organization");
        if (claim instanceof Collection<?> aliases) {
            return aliases.stream().filter(String.class::isInstance).map(String.class::cast)
                    .collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof Map<?, ?> byAlias) {
            return byAlias.keySet().stream().filter(String.class::isInstance).map(String.class::cast)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    static Set<String> realmRoles(Jwt jwt) {
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> access
                && access.get("roles") instanceof List<?> roles) {
            return roles.stream().filter(String.class::isInstance).map(String.class::cast)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}
