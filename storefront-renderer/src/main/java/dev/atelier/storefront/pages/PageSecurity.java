package dev.atelier.storefront.pages;

import dev.atelier.platform.identity.IdentityProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The headers every page carries: a Content-Security-Policy that allows only this origin's scripts and styles plus
 * the page's own inline style by a fresh nonce, images from https, no framing, forms posted to this origin (and on
 * to the identity server when signing out); and no sniffing or referrer leaks.
 */
@Component
class PageSecurity {

    private final SecureRandom random = new SecureRandom();
    /** Forms may lead there too: signing out goes on to the identity server to end its session. */
    private final String identityOrigin;

    PageSecurity(IdentityProperties identity) {
        URI issuer = URI.create(identity.issuerOf(identity.realm()));
        this.identityOrigin = issuer.getScheme() + "://" + issuer.getRawAuthority();
    }

    /** Sets the headers on {@code response}; returns the nonce the page's inline style must carry. */
    String protect(HttpServletResponse response) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-"
                + nonce + "'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + identityOrigin);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        return nonce;
    }
}
