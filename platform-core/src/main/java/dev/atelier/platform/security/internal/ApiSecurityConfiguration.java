package dev.atelier.platform.security.internal;

import dev.atelier.platform.identity.IdentityProperties;
import dev.atelier.platform.security.AccessRules;
import dev.atelier.platform.tenancy.TenancyProperties;
import dev.atelier.platform.tenancy.TenantDirectory;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every Atelier app is an OAuth2 resource server: bearer tokens only (no sessions, so no CSRF surface), issuers from
 * the registry, operational endpoints open, each app's {@link AccessRules} next, and everything else needs a valid
 * token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

    /** Requests the firewall refuses get a problem+json 400 too (Spring Security finds this bean by type). */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest() {
        return new ProblemResponses();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, List<AccessRules> rules, TenantDirectory directory,
            IdentityProperties identity, TenancyProperties tenancy) throws Exception {
        TrustedIssuers issuers = new TrustedIssuers(directory, identity, Clock.systemUTC(), tenancy.directoryTtl());
        JwtIssuerAuthenticationManagerResolver tokens = new JwtIssuerAuthenticationManagerResolver(
                new RealmJwtDecoders(issuers, identity, new CallerAuthenticationConverter()));
        ProblemResponses problems = new ProblemResponses();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll();
                    rules.forEach(rule -> rule.apply(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer.authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }
}
