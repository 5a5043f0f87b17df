package dev.atelier.storefront.tenancy;

import dev.atelier.platform.web.WebProperties;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;
import io.swagger.v3.oas.models.servers.ServerVariables;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storefront's OpenAPI description names two servers, since the chain is the host: each chain's platform address
 * ({@code atelier.storefront.url-template}, whose {@code {slug}} is a server variable) for the customer API, and the
 * platform's own address ({@code atelier.web.public-url}), where the payment providers' notices arrive.
 */
@Configuration(proxyBeanMethods = false)
class StorefrontApiDescription {

    @Bean
    GlobalOpenApiCustomizer storefrontServers(@Value("${atelier.storefront.url-template}") String chainAddress,
            WebProperties web) {
        Server chain = new Server().url(chainAddress)
                .description("A chain's storefront (a chain's verified own domain answers the same)")
                .variables(new ServerVariables().addServerVariable("slug",
                        new ServerVariable()._default("aurora").description("The chain's slug")));
        Server platform = new Server().url(web.baseUrl())
                .description("The platform's own host: the payment providers' notices");
        return description -> description.setServers(List.of(chain, platform));
    }
}
