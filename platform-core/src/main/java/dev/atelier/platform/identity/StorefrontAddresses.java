package dev.atelier.platform.identity;

import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps each chain's storefront client told where its storefront answers, every
 * {@code atelier.storefront.address-sync-interval}: the slug address and every custom domain the registry holds as
 * verified, so customers can sign in and out on the chain's own domain soon after it is verified (and no longer
 * once it is not). A chain that never had a domain is left as it was provisioned, so a pass over a thousand chains
 * costs one registry query. Runs where enabled; several instances may run it, the update is the same.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "atelier.storefront.address-sync", havingValue = "true")
public class StorefrontAddresses {

    private static final Logger log = LoggerFactory.getLogger(StorefrontAddresses.class);

    private final TenantDirectory directory;
    private final IdentityProvider identity;
    private final StorefrontUrls urls;
    private final Map<TenantId, List<String>> applied = new ConcurrentHashMap<>();

    StorefrontAddresses(TenantDirectory directory, IdentityProvider identity, StorefrontUrls urls) {
        this.directory = directory;
        this.identity = identity;
        this.urls = urls;
    }

    /** One pass; returns how many chains' clients were changed. */
    @Scheduled(fixedDelayString = "${atelier.storefront.address-sync-interval:PT30S}", initialDelayString = "PT5S")
    public int sync() {
        Map<TenantId, List<String>> domains = directory.verifiedDomains();
        int changed = 0;
        for (Tenant tenant : directory.all()) {
            if (!tenant.status().isServed()
                    || (!domains.containsKey(tenant.id()) && !applied.containsKey(tenant.id()))) {
                continue;
            }
            List<String> addresses = urls.addressesOf(tenant.slug(), domains.getOrDefault(tenant.id(), List.of()));
            if (addresses.equals(applied.get(tenant.id()))) {
                continue;
            }
            try {
                identity.allowStorefrontAddresses(tenant.slug(), addresses);
                applied.put(tenant.id(), addresses);
                changed++;
            } catch (RuntimeException e) {
                log.warn("the storefront addresses of {} could not be set; the next pass tries again", tenant.slug(),
                        e);
            }
        }
        return changed;
    }
}
