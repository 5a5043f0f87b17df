package dev.atelier.portal.web;

import dev.atelier.platform.identity.IdentityProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the back office (the single-page app served at {@code /}) needs before anyone signs in: where the identity
 * server is as browsers reach it, the realm, and the realm's public portal client it signs in with (authorization
 * code with PKCE).
 */
@RestController
class BackOfficeController {

    /** The realm's public client of the back office (made by the realm setup). */
    static final String PORTAL_CLIENT = "atelier-portal";

    record AppConfig(String keycloakUrl, String realm, String clientId) {
    }

    private final AppConfig config;

    BackOfficeController(IdentityProperties identity) {
        String issuer = identity.issuerOf(identity.realm());
        this.config = new AppConfig(issuer.substring(0, issuer.lastIndexOf("/realms/")), identity.realm(),
                PORTAL_CLIENT);
    }

    @GetMapping("/app-config.json")
    ResponseEntity<AppConfig> appConfig() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
    }
}
