package dev.atelier.platform.identity.internal;

import dev.atelier.platform.identity.IdentityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity provider Atelier provisions organizations and accounts with. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean(destroyMethod = "close")
    KeycloakIdentityProvider identityProvider(IdentityProperties properties) {
        return new KeycloakIdentityProvider(properties);
    }
}
