package dev.atelier.platform.tenancy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where a tenant's storefront lives: {@code atelier.storefront.url-template} with the slug put in. */
@Component
public class StorefrontUrls {

    private final String template;

    public StorefrontUrls(@Value("${atelier.storefront.url-template}") String template) {
        if (!template.contains("{slug}")) {
            throw new IllegalArgumentException("atelier.storefront.url-template must contain {slug}: " + template);
        }
        this.template = template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
    }

    /** {@code http://aurora.localhost:8080}, no trailing slash. */
    public String of(Slug slug) {
        return template.replace("{slug}", slug.value());
    }
}
