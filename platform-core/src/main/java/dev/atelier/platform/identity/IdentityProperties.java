package dev.atelier.platform.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings under {@code atelier.identity}: the Keycloak server, the shared realm tenants' organizations
 * live in, the administrator Atelier provisions organizations and accounts with, and what a bearer token must carry.
 *
 * @param serverUrl where the apps reach Keycloak (admin API, signing keys)
 * @param issuerBaseUrl the Keycloak address tokens name in {@code iss}, when browsers reach it elsewhere than the apps
 *            do; blank means {@code serverUrl}
 * @param audience the audience every token presented to an Atelier API must name in {@code aud}
 * @param clockSkew how far past {@code exp} (or before {@code nbf}) a token is still accepted
 */
@ConfigurationProperties("atelier.identity")
public record IdentityProperties(@DefaultValue("http://localhost:8180") String serverUrl,
        @DefaultValue("atelier") String realm, @DefaultValue("master") String adminRealm,
        @DefaultValue("admin-cli") String adminClientId, @DefaultValue("admin") String adminUsername,
        @DefaultValue("admin") String adminPassword, @DefaultValue("") String issuerBaseUrl,
        @DefaultValue("atelier-api") String audience, @DefaultValue("30s") Duration clockSkew) {

    /** The {@code iss} of tokens from {@code realm}. */
    public String issuerOf(String realmName) {
        return stripSlash(issuerBaseUrl.isBlank() ? serverUrl : issuerBaseUrl) + "/realms/" + realmName;
    }

    /** Where the apps fetch the signing keys of {@code realm}. */
    public String jwkSetOf(String realmName) {
        return stripSlash(serverUrl) + "/realms/" + realmName + "/protocol/openid-connect/certs";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
