package dev.atelier.portal.web;

import dev.atelier.infra.servers.KeycloakServer;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The realm's back-office client, told that sign-in may return to a test's portal on {@code port}. */
public final class PortalClient {

    private PortalClient() {
    }

    /**
     * The portal of a browser test or benchmark: on {@code port} (fixed, since sign-in returns only to the addresses
     * the portal client names), as the local stack runs it (local mode, its public address).
     */
    public static void serveAt(DynamicPropertyRegistry registry, int port) {
        registry.add("server.port", () -> port);
        registry.add("management.server.port", () -> "0");
        registry.add("atelier.web.local-mode", () -> "true");
        registry.add("atelier.web.public-url", () -> "http://localhost:" + port);
    }

    /** The realm's portal client names the local stack's address; a test's portal runs on another port. */
    public static void allowReturnsTo(KeycloakServer keycloak, int port) {
        try (Keycloak admin = keycloak.adminClient()) {
            var clients = admin.realm("atelier").clients();
            ClientRepresentation portal = clients.findByClientId("atelier-portal").getFirst();
            List<String> redirects = new ArrayList<>(portal.getRedirectUris());
            redirects.add("http://localhost:" + port + "/*");
            portal.setRedirectUris(redirects);
            List<String> origins = new ArrayList<>(portal.getWebOrigins());
            origins.add("http://localhost:" + port);
            portal.setWebOrigins(origins);
            portal.getAttributes().put("post.logout.redirect.uris", "http://localhost:" + port + "/*");
            clients.get(portal.getId()).update(portal);
        }
    }
}
