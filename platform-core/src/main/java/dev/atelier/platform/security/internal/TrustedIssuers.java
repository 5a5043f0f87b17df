package dev.atelier.platform.security.internal;

import dev.atelier.platform.identity.IdentityProperties;
import dev.atelier.platform.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token issuers Atelier trusts: one per identity realm the registry places tenants in, plus the platform's own
 * realm. Read from the registry and kept for a short while; an unknown issuer refreshes the list at most once per
 * period, so a flood of forged issuers costs no more than one registry query each period.
 */
class TrustedIssuers {

    private final TenantDirectory directory;
    private final IdentityProperties identity;
    private final Clock clock;
    private final Duration ttl;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);

    TrustedIssuers(TenantDirectory directory, IdentityProperties identity, Clock clock, Duration ttl) {
        this.directory = directory;
        this.identity = identity;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The realm behind {@code issuer}, if Atelier trusts it. */
    Optional<String> realmOf(String issuer) {
        if (issuer == null) {
            return Optional.empty();
        }
        Snapshot current = snapshot;
        String realm = current.realmByIssuer().get(issuer);
        if (realm == null && current.readAt().plus(ttl).isBefore(clock.instant())) {
            current = refresh();
            realm = current.realmByIssuer().get(issuer);
        }
        return Optional.ofNullable(realm);
    }

    private synchronized Snapshot refresh() {
        if (!snapshot.readAt().plus(ttl).isBefore(clock.instant())) {
            return snapshot;
        }
        Map<String, String> realms = new HashMap<>();
        realms.put(identity.issuerOf(identity.realm()), identity.realm());
        for (String realm : directory.realms()) {
            realms.put(identity.issuerOf(realm), realm);
        }
        snapshot = new Snapshot(Map.copyOf(realms), clock.instant());
        return snapshot;
    }

    private record Snapshot(Map<String, String> realmByIssuer, Instant readAt) {
    }
}
