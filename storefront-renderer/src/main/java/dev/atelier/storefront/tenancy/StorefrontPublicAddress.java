package dev.atelier.storefront.tenancy;

import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.web.PublicAddress;
import dev.atelier.platform.web.WebProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The storefront's address for a request: a chain's platform address ({@code atelier.storefront.url-template}) when
 * the host is its {@code {slug}.<base-domain>}, {@code https://<domain>} when the host is one of its verified custom
 * domains (as the registry spells it), else the platform's own address ({@code atelier.web.public-url}). A host the
 * registry does not know is never echoed.
 */
@Component
class StorefrontPublicAddress implements PublicAddress {

    private final HostTenantResolver hosts;
    private final StorefrontUrls urls;
    private final WebProperties web;

    StorefrontPublicAddress(HostTenantResolver hosts, StorefrontUrls urls, WebProperties web) {
        this.hosts = hosts;
        this.urls = urls;
        this.web = web;
    }

    @Override
    public String baseUrlOf(HttpServletRequest request) {
        return hosts.resolve(request.getServerName()).map(tenant -> {
            String platformAddress = urls.of(tenant.slug());
            String host = request.getServerName().toLowerCase(Locale.ROOT);
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            return hosts.isPlatformHost(host) ? platformAddress : "https://" + host;
        }).orElseGet(web::baseUrl);
    }
}
