package dev.atelier.platform.tenancy;

import dev.atelier.platform.tenancy.internal.TenantRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Looks tenants up in the registry with a short-lived cache, so routing a request costs no registry query in the
 * common case. Only found tenants are cached: a flood of unknown host names cannot fill it. A tenant's canonical
 * custom domain is cached the same way, "none" included (it is asked for known tenants only).
 */
public class TenantDirectory {

    private final TenantRegistry registry;
    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentHashMap<Object, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TenantId, CachedDomain> canonicalDomains = new ConcurrentHashMap<>();

    public TenantDirectory(TenantRegistry registry, Clock clock, Duration ttl) {
        this.registry = registry;
        this.clock = clock;
        this.ttl = ttl;
    }

    public Optional<Tenant> bySlug(Slug slug) {
        return cached(slug, () -> registry.findBySlug(slug));
    }

    public Optional<Tenant> byId(TenantId id) {
        return cached(id, () -> registry.findById(id));
    }

    /** The tenant behind a verified custom domain ({@code host} without port, any case). */
    public Optional<Tenant> byVerifiedDomain(String host) {
        String domain = host.toLowerCase(java.util.Locale.ROOT);
        return cached("domain:" + domain, () -> registry.findByVerifiedDomain(domain));
    }

    /**
     * The verified custom domain {@code tenant}'s pages name as their address, if it has one: the earliest verified,
     * ties alphabetical. A domain verified or dropped elsewhere shows within the cache period, here at once after
     * {@link #evict}.
     */
    public Optional<String> canonicalDomain(Tenant tenant) {
        Instant now = clock.instant();
        CachedDomain hit = canonicalDomains.get(tenant.id());
        if (hit != null && hit.expiresAt().isAfter(now)) {
            return Optional.ofNullable(hit.domain());
        }
        Optional<String> loaded = registry.findCanonicalDomain(tenant.id());
        canonicalDomains.put(tenant.id(), new CachedDomain(loaded.orElse(null), now.plus(ttl)));
        return loaded;
    }

    /**
     * The tenant to serve under {@code slug}: unknown, closed or suspended tenants are {@link UnknownTenantException}
     * here (the storefront shows its own page for suspended ones), a failed migration is
     * {@link TenantUnavailableException}.
     */
    public Tenant requireServable(Tenant tenant) {
        if (!tenant.status().isServed()) {
            throw new UnknownTenantException();
        }
        if (!tenant.isServable()) {
            throw new TenantUnavailableException(tenant.slug());
        }
        return tenant;
    }

    /** Forgets what is cached about {@code tenant}, after its registry entry changed. */
    public void evict(Tenant tenant) {
        cache.remove(tenant.id());
        cache.remove(tenant.slug());
        cache.values().removeIf(entry -> entry.tenant().id().equals(tenant.id()));
        canonicalDomains.remove(tenant.id());
    }

    /** Every tenant, straight from the registry (for platform staff; not cached). */
    public List<Tenant> all() {
        return registry.all();
    }

    /** The identity realms tenants are placed in, straight from the registry. */
    public Set<String> realms() {
        return registry.realms();
    }

    /** Changes a tenant's commercial status; this app sees it at once, others within the cache period. */
    public Tenant changeStatus(Tenant tenant, TenantStatus status) {
        registry.changeStatus(tenant.id(), status, clock.instant());
        evict(tenant);
        return byId(tenant.id()).orElseThrow(UnknownTenantException::new);
    }

    public void evictAll() {
        cache.clear();
        canonicalDomains.clear();
    }

    private Optional<Tenant> cached(Object key, Supplier<Optional<Tenant>> load) {
        Instant now = clock.instant();
        Cached hit = cache.get(key);
        if (hit != null && hit.expiresAt().isAfter(now)) {
            return Optional.of(hit.tenant());
        }
        Optional<Tenant> loaded = load.get();
        loaded.ifPresentOrElse(tenant -> cache.put(key, new Cached(tenant, now.plus(ttl))), () -> cache.remove(key));
        return loaded;
    }

    private record Cached(Tenant tenant, Instant expiresAt) {
    }

    /** {@code domain} is null for a tenant without a verified custom domain. */
    private record CachedDomain(String domain, Instant expiresAt) {
    }
}
