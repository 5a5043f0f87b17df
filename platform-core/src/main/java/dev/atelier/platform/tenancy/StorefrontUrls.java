package dev.atelier.platform.tenancy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a tenant's storefront lives: {@code atelier.storefront.url-template} with the slug put in, and the address
 * its pages name as theirs (its verified custom domain, if it has one).
 */
@Component
public class StorefrontUrls {

    private final String template;
    private final TenantDirectory directory;

    public StorefrontUrls(@Value("${atelier.storefront.url-template}") String template, TenantDirectory directory) {
        if (!template.contains("{slug}")) {
            throw new IllegalArgumentException("atelier.storefront.url-template must contain {slug}: " + template);
        }
        this.template = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
        this.directory = directory;
    }

    /**
     * Every chain's address under the platform's domain as a Content-Security-Policy source:
     * {@code http://*.localhost:8080}.
     */
    public String everyChainSource() {
        return template.replace("{slug}", "*");
    }

    /** {@code http://aurora.localhost:8080}, no trailing slash. */
    public String of(Slug slug) {
        return template.replace("{slug}", slug.value());
    }

    /**
     * The canonical address of {@code tenant}'s storefront, for canonical links and the sitemap:
     * {@code https://<domain>} for its verified custom domain (the earliest verified, ties alphabetical), else
     * {@link #of}. No trailing slash; a newly verified domain shows within the directory's cache period.
     */
    public String canonicalOf(Tenant tenant) {
        return directory.canonicalDomain(tenant).map(domain -> "https://" + domain)
                .orElseGet(() -> of(tenant.slug()));
    }
}
