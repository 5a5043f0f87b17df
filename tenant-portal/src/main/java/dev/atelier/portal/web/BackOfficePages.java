package dev.atelier.portal.web;

import dev.atelier.platform.identity.IdentityProperties;
import dev.atelier.platform.tenancy.StorefrontUrls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers of the back office's own files (everything outside {@code /api}): a Content-Security-Policy that lets
 * the app load only its own scripts and talk only to this origin and the identity server (the calendar component
 * sets inline styles, so style attributes are allowed), frames only from the identity server and the chains' sites
 * (the theme editor's preview; a chain's own domain is https), no framing of its own, no sniffing. Its assets carry their content
 * hash in their names and are cached for a year; the page itself is always asked again.
 */
@Component
class BackOfficePages extends OncePerRequestFilter {

    private final String policy;

    BackOfficePages(IdentityProperties identity, StorefrontUrls storefronts) {
        URI issuer = URI.create(identity.issuerOf(identity.realm()));
        String keycloak = issuer.getScheme() + "://" + issuer.getAuthority();
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self' " + keycloak + "; frame-src " + keycloak + " " + storefronts.everyChainSource()
                + " https:; frame-ancestors 'none'; "
                + "base-uri 'self'; form-action 'self' " + keycloak;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", request.getRequestURI().startsWith("/assets/")
                ? "public, max-age=31536000, immutable"
                : "no-cache");
        chain.doFilter(request, response);
    }
}
