package dev.atelier.storefront.tenancy;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every storefront path is a tenant's, except the operational ones. */
@Configuration(proxyBeanMethods = false)
class StorefrontWebConfiguration implements WebMvcConfigurer {

    private final StorefrontTenantInterceptor tenantInterceptor;

    StorefrontWebConfiguration(StorefrontTenantInterceptor tenantInterceptor) {
        this.tenantInterceptor = tenantInterceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(tenantInterceptor).addPathPatterns("/**").excludePathPatterns("/actuator/**",
                "/error", "/v3/api-docs/**", "/webhooks/**");
    }
}
