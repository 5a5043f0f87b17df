package dev.atelier.storefront.tenancy;

import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds the tenant a storefront request is for from its host name alone: {@code {slug}.<base-domain>} or a
 * verified custom domain. Anything else belongs to no tenant.
 */
@Component
public class HostTenantResolver {

    private final TenantDirectory directory;
    private final String baseDomainSuffix;

    HostTenantResolver(TenantDirectory directory, @Value("${atelier.storefront.base-domain}") String baseDomain) {
        this.directory = directory;
        this.baseDomainSuffix = "." + baseDomain.toLowerCase(Locale.ROOT);
    }

    public Optional<Tenant> resolve(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.endsWith(baseDomainSuffix)) {
            String label = name.substring(0, name.length() - baseDomainSuffix.length());
            if (label.contains(".") || Slug.problemWith(label).isPresent()) {
                return Optional.empty();
            }
            return directory.bySlug(Slug.of(label));
        }
        return directory.byVerifiedDomain(name);
    }

    /** Whether {@code host} (lower case, no trailing dot) is under the platform's base domain. */
    public boolean isPlatformHost(String host) {
        return host.endsWith(baseDomainSuffix);
    }

    /** Whether {@code host} is the platform's own host, the base domain itself (no chain's subdomain). */
    public boolean isPlatformsOwnHost(String host) {
        return host != null && ("." + host.toLowerCase(Locale.ROOT)).equals(baseDomainSuffix);
    }
}
