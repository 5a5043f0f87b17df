package dev.atelier.storefront.session;

import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.storefront.tenancy.HostTenantResolver;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First in the pages' filters: a request whose parameters cannot be decoded (an escape cut short, bytes that are
 * not UTF-8, a nameless parameter) gets a plain 400 page before any filter trips over it; and on a chain's own custom
 * domain, signing in and what needs it move to the chain's address on the platform, because sign-in returns only to
 * addresses the platform controls (a chain controls its domain's DNS and must never receive its customers' codes).
 */
class PageRequestGuard extends OncePerRequestFilter {

    private static final String INVALID = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, \
            initial-scale=1"><meta name="robots" content="noindex"><title>Not a valid choice</title></head>
            <body><h1>That choice is not available</h1><p><a href="/book">Start your booking again</a></p></body>
            </html>
            """;

    private final HostTenantResolver hosts;
    private final StorefrontUrls urls;
    private final RequestMatcher signIn = new OrRequestMatcher(Arrays.stream(CustomerSessions.SIGN_IN_PAGES)
            .map(PathPatternRequestMatcher.withDefaults()::matcher).map(RequestMatcher.class::cast).toList());

    PageRequestGuard(HostTenantResolver hosts, StorefrontUrls urls) {
        this.hosts = hosts;
        this.urls = urls;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException undecodable) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
            response.getWriter().write(INVALID);
            return;
        }
        Optional<String> platformAddress = "GET".equals(request.getMethod()) && signIn.matches(request)
                ? hosts.resolve(request.getServerName()).map(Tenant::slug).map(urls::of)
                        .filter(address -> !URI.create(address).getHost().equalsIgnoreCase(request.getServerName()))
                : Optional.empty();
        if (platformAddress.isPresent()) {
            String query = request.getQueryString();
            response.sendRedirect(platformAddress.get() + request.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        chain.doFilter(request, response);
    }
}
