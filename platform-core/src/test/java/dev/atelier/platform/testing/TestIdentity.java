package dev.atelier.platform.testing;

import dev.atelier.infra.servers.KeycloakServer;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points an app under test at the harness's Keycloak, as its administrator, and lifts the public-write rate limit
 * (tests send many signups and registrations from one address; the limiter has its own unit test).
 */
public final class TestIdentity {

    private TestIdentity() {
    }

    public static void register(DynamicPropertyRegistry registry, KeycloakServer keycloak) {
        register(registry, keycloak, keycloak::baseUrl);
    }

    /** As {@link #register(DynamicPropertyRegistry, KeycloakServer)}, reaching Keycloak at {@code url}. */
    public static void register(DynamicPropertyRegistry registry, KeycloakServer keycloak, Supplier<Object> url) {
        registry.add("atelier.identity.server-url", url);
        registry.add("atelier.identity.admin-username", keycloak::adminUsername);
        registry.add("atelier.identity.admin-password", keycloak::adminPassword);
        registry.add("atelier.rate-limits.public-writes-per-minute", () -> "100000");
    }
}
