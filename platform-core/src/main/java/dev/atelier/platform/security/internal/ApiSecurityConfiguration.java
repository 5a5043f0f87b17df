package dev.atelier.platform.security.internal;

import dev.atelier.platform.identity.IdentityProperties;
import dev.atelier.platform.security.AccessRules;
import dev.atelier.platform.tenancy.TenancyProperties;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.web.PublicAddress;
import dev.atelier.platform.web.WebProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every Atelier app is an OAuth2 resource server: bearer tokens only (no sessions, so no CSRF surface), issuers from
 * the registry, operational endpoints open, each app's {@link AccessRules} next, and everything else needs a valid
 * token. The addresses it names of itself (the OAuth2 protected resource metadata at
 * {@code /.well-known/oauth-protected-resource} and {@code WWW-Authenticate}'s {@code resource_metadata}) come from
 * the app's {@link PublicAddress}, never from the request's {@code Host} header.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    /** Requests the firewall refuses get a problem+json 400 too (Spring Security finds this bean by type). */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest() {
        return new ProblemResponses();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, List<AccessRules> rules, TenantDirectory directory,
            IdentityProperties identity, TenancyProperties tenancy, WebProperties web,
            ObjectProvider<PublicAddress> publicAddress) throws Exception {
        PublicAddress addresses = publicAddress.getIfAvailable(() -> request -> web.baseUrl());
        TrustedIssuers issuers = new TrustedIssuers(directory, identity, Clock.systemUTC(), tenancy.directoryTtl());
        JwtIssuerAuthenticationManagerResolver tokens = new JwtIssuerAuthenticationManagerResolver(
                new RealmJwtDecoders(issuers, identity, new CallerAuthenticationConverter()));
        ProblemResponses problems = new ProblemResponses(request -> addresses.baseUrlOf(request) + METADATA_PATH);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll();
                    rules.forEach(rule -> rule.apply(requests));
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer.authenticationManagerResolver(tokens)
                        .protectedResourceMetadata(metadata -> metadata.protectedResourceMetadataCustomizer(
                                about -> about.resource(resourceOf(currentRequest(), addresses))
                                        .authorizationServer(identity.issuerOf(identity.realm()))))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * The resource a metadata request asks about: this app's public base URL, followed by the path after
     * {@code /.well-known/oauth-protected-resource} (RFC 9728, section 3.1).
     */
    static String resourceOf(HttpServletRequest request, PublicAddress addresses) {
        String path = request.getRequestURI();
        String suffix = path.startsWith(METADATA_PATH) ? path.substring(METADATA_PATH.length()) : "";
        return addresses.baseUrlOf(request) + suffix;
    }

    /** The request being served (bound by Spring's request context filter, which runs before the security filters). */
    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
