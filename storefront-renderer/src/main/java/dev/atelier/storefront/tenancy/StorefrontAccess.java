package dev.atelier.storefront.tenancy;

import dev.atelier.platform.security.AccessRules;
import dev.atelier.platform.security.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what on a storefront's API: the catalog, availability and registration are public; the caller's own
 * data needs a customer token. The pages have their own session-based rules (see {@code CustomerSessions}).
 */
@Configuration(proxyBeanMethods = false)
class StorefrontAccess {

    @Bean
    AccessRules storefrontAccessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/v1/catalog", "/api/v1/availability")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/customers").permitAll()
                // providers' notices: no token, each verified by its own signature (WebhookController)
                .requestMatchers(HttpMethod.POST, "/webhooks/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/bookings", "/api/v1/holds").hasRole(Caller.CUSTOMER)
                .requestMatchers("/api/v1/me", "/api/v1/me/**").hasRole(Caller.CUSTOMER);
    }
}
