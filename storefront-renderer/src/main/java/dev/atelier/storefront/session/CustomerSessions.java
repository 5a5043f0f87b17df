package dev.atelier.storefront.session;

import dev.atelier.platform.identity.IdentityProperties;
import dev.atelier.platform.security.Caller;
import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.storefront.tenancy.HostTenantResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * The storefront's pages sign customers in with a browser session: {@code /sign-in} sends them to their chain's
 * Keycloak pages (authorization code with PKCE), {@code /signed-in} takes the answer, and {@code POST /sign-out} ends
 * both sessions. Forms carry a CSRF token; the booking confirmation and "my bookings" need a customer signed in to this
 * chain. A session is rechecked with the identity server at most {@code atelier.storefront.session-recheck} apart
 * ({@link SignInRecheck}); a form of an ended session goes back to its page, other refusals are the refused page
 * ({@link FormsOfEndedSessions}). The JSON API keeps its own stateless bearer-token chain: no page path falls to it, no API path to this one.
 */
@Configuration(proxyBeanMethods = false)
class CustomerSessions {

    static final String SIGN_IN_PATH = "/sign-in";

    /** Pages for a customer signed in to this chain. */
    static final String[] CUSTOMER_PAGES = {"/book/confirm", "/my/**"};

    /** Pages that need sign-in or take part in it: on a chain's own domain they move to its platform address. */
    static final String[] SIGN_IN_PAGES = {"/book/confirm", "/my/**", SIGN_IN_PATH, TenantClients.SIGNED_IN_PATH};

    /** Page paths; everything else on this host is API or operations. */
    static final String[] PAGES = PagePaths.PATTERNS.toArray(String[]::new);

    @Bean
    @Order(1)
    SecurityFilterChain customerPageSessions(HttpSecurity http, HostTenantResolver hosts, TenantDirectory directory,
            IdentityProperties identity, StorefrontUrls urls, Clock clock, AccessDeniedHandler refusedPage,
            @Value("${atelier.storefront.session-recheck:1m}") Duration recheck,
            @Value("${atelier.storefront.identity-timeout:5s}") Duration identityTimeout) throws Exception {
        TenantClients clients = new TenantClients(directory, identity);
        HttpSessionOAuth2AuthorizedClientRepository signIns = new HttpSessionOAuth2AuthorizedClientRepository();
        FormsOfEndedSessions refusals = new FormsOfEndedSessions(refusedPage,
                new LoginUrlAuthenticationEntryPoint(SIGN_IN_PATH));
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(clients);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        http.securityMatcher(PAGES)
                .addFilterBefore(new PageRequestGuard(hosts, urls), DisableEncodeUrlFilter.class)
                .addFilterAfter(new SignInRecheck(recheck, clock, clients, signIns, identityTimeout),
                        SecurityContextHolderFilter.class)
                .securityContext(context -> context.securityContextRepository(new ThisChainOnly(sessions, hosts)))
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionOnlyCsrfTokens())
                        .csrfTokenRequestHandler(new BodyOrHeaderCsrfTokens()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(CUSTOMER_PAGES).hasRole(Caller.CUSTOMER)
                        .anyRequest().permitAll())
                .oauth2Login(login -> login.clientRegistrationRepository(clients)
                        .authorizedClientRepository(signIns)
                        .loginPage(SIGN_IN_PATH)
                        .authorizationEndpoint(endpoint -> endpoint
                                .authorizationRequestResolver(signInAtThisChain(clients, hosts)))
                        .redirectionEndpoint(endpoint -> endpoint.baseUri(TenantClients.SIGNED_IN_PATH))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new SignedInCustomers(identity)))
                        .failureUrl("/?signInFailed"))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessHandler(signedOut))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
        // pages set their own Content-Security-Policy (with a nonce per response), see PageSecurity
        ;
        return http.build();
    }

    /**
     * {@code GET /sign-in} starts the flow with the host's chain's client; {@code ?register} opens Keycloak's
     * registration page instead of its sign-in page.
     */
    private static OAuth2AuthorizationRequestResolver signInAtThisChain(ClientRegistrationRepository clients,
            HostTenantResolver hosts) {
        DefaultOAuth2AuthorizationRequestResolver standard = new DefaultOAuth2AuthorizationRequestResolver(clients,
                SIGN_IN_PATH);
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                if (!SIGN_IN_PATH.equals(request.getRequestURI())) {
                    return null;
                }
                return hosts.resolve(request.getServerName()).filter(Tenant::isServable)
                        .map(tenant -> standard.resolve(request, tenant.slug().value()))
                        .map(flow -> request.getParameter("register") == null
                                ? flow
                                : OAuth2AuthorizationRequest.from(flow)
                                        .additionalParameters(parameters -> parameters.put("prompt", "create"))
                                        .build())
                        .orElse(null);
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String slug) {
                return resolve(request);
            }
        };
    }
}
