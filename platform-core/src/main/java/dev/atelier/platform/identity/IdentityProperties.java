package dev.atelier.platform.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings under {@code atelier.identity}: the Keycloak server, the shared realm tenants' organizations
 * live in, and the administrator Atelier provisions organizations and accounts with.
 */
@ConfigurationProperties("atelier.identity")
public record IdentityProperties(@DefaultValue("http://localhost:8180") String serverUrl,
        @DefaultValue("atelier") String realm, @DefaultValue("master") String adminRealm,
        @DefaultValue("admin-cli") String adminClientId, @DefaultValue("admin") String adminUsername,
        @DefaultValue("admin") String adminPassword) {
}
