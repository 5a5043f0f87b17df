package dev.atelier.storefront.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session holds only while the customer's sign-in at the identity server does: at most {@code interval} after
 * the last check, the next request renews the session's tokens there (the refresh-token grant of the chain's
 * storefront client). The identity server refuses it when the account was disabled or removed, or its session ended
 * (signed out there, or by an administrator); then the page session ends too. When the identity server cannot be
 * reached, the session stands and the next request asks again: customers are not signed out by an outage. It runs
 * before the CSRF check, so a form sent with a session just ended goes back to its page (see
 * {@link FormsOfEndedSessions}).
 */
final class SignInRecheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInRecheck.class);
    private static final String CHECKED_AT = SignInRecheck.class.getName() + ".checkedAt";

    private final Duration interval;
    private final Clock clock;
    private final ClientRegistrationRepository clients;
    private final OAuth2AuthorizedClientRepository authorized;
    private final RestClientRefreshTokenTokenResponseClient tokens = new RestClientRefreshTokenTokenResponseClient();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignInRecheck(Duration interval, Clock clock, ClientRegistrationRepository clients,
            OAuth2AuthorizedClientRepository authorized, Duration timeout) {
        this.interval = interval;
        this.clock = clock;
        this.clients = clients;
        this.authorized = authorized;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        tokens.setRestClient(RestClient.builder().requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            SecurityContext context = holder.getContext();
            if (context.getAuthentication() instanceof OAuth2AuthenticationToken signedIn
                    && signedIn.getPrincipal() instanceof SignedInCustomer customer
                    && !holds(session, request, response, customer, signedIn)) {
                session.invalidate();
                holder.setContext(holder.createEmptyContext());
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether {@code customer}'s session may go on; {@code false} means it was ended at the identity server. */
    private boolean holds(HttpSession session, HttpServletRequest request, HttpServletResponse response,
            SignedInCustomer customer, OAuth2AuthenticationToken authentication) {
        Instant now = clock.instant();
        if (session.getAttribute(CHECKED_AT) instanceof Instant checked && now.isBefore(checked.plus(interval))) {
            return true;
        }
        OAuth2AuthorizedClient signIn = authorized.loadAuthorizedClient(customer.tenant(), authentication, request);
        ClientRegistration client = clients.findByRegistrationId(customer.tenant());
        if (signIn == null || signIn.getRefreshToken() == null || client == null) {
            return false;
        }
        try {
            OAuth2AccessTokenResponse renewed = tokens.getTokenResponse(
                    new OAuth2RefreshTokenGrantRequest(client, signIn.getAccessToken(), signIn.getRefreshToken()));
            authorized.saveAuthorizedClient(new OAuth2AuthorizedClient(client, signIn.getPrincipalName(),
                    renewed.getAccessToken(), renewed.getRefreshToken() != null
                            ? renewed.getRefreshToken()
                            : signIn.getRefreshToken()),
                    authentication, request, response);
            session.setAttribute(CHECKED_AT, now);
            return true;
        } catch (OAuth2AuthorizationException refused) {
            if (OAuth2ErrorCodes.INVALID_GRANT.equals(refused.getError().getErrorCode())) {
                return false;
            }
            log.warn("Could not recheck a storefront sign-in of {} with the identity server; asking again on the "
                    + "next request: {}", customer.tenant(), refused.getMessage());
            return true;
        } catch (RuntimeException unreachable) {
            log.warn("Could not reach the identity server to recheck a storefront sign-in of {}; asking again on the "
                    + "next request: {}", customer.tenant(), unreachable.toString());
            return true;
        }
    }
}
