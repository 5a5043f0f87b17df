package dev.atelier.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * An app's own request rules, applied after the shared ones (operational endpoints open) and before the final rule
 * (everything else needs a valid token). Platform roles are authorities {@code ROLE_<realm role>}.
 */
@FunctionalInterface
public interface AccessRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
