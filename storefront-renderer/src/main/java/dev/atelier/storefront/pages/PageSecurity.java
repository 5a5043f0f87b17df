package dev.atelier.storefront.pages;

import dev.atelier.platform.identity.IdentityProperties;
import dev.atelier.platform.payments.alipay.AlipayProperties;
import dev.atelier.platform.payments.stripe.StripeProperties;
import dev.atelier.platform.payments.wechatpay.WechatPayProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The headers every page carries: a Content-Security-Policy that allows only this origin's scripts and styles plus
 * the page's own inline style by a fresh nonce, images from https, no framing (but a theme preview's, by the back
 * office), forms posted to this origin (and on
 * to the identity server when signing out, or to a payment provider's hosted page when paying: a form's redirects
 * are held to the same list); and no sniffing or referrer leaks.
 */
@Component
class PageSecurity {

    private final SecureRandom random = new SecureRandom();
    /** Forms may lead there too: signing out goes on to the identity server to end its session. */
    private final String formTargets;

    /** The back office, whose theme editor frames a preview of the chain's home page. */
    private final String backOffice;

    PageSecurity(IdentityProperties identity, StripeProperties stripe, AlipayProperties alipay,
            WechatPayProperties wechatPay, @Value("${atelier.storefront.back-office-url}") String backOffice) {
        this.backOffice = origin(backOffice);
        Set<String> origins = new LinkedHashSet<>();
        origins.add(origin(identity.issuerOf(identity.realm())));
        // the providers' hosted pages, and where each one's API is configured to be (its local fake serves its pages)
        origins.add("https://checkout.stripe.com");
        origins.add("https://openapi.alipay.com");
        origins.add("https://wx.tenpay.com");
        origins.add(origin(stripe.apiBase()));
        origins.add(origin(alipay.serverUrl()));
        origins.add(origin(wechatPay.apiBase()));
        this.formTargets = String.join(" ", origins);
    }

    private static String origin(String address) {
        URI uri = URI.create(address);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** Sets the headers on {@code response}; returns the nonce the page's inline style must carry. */
    String protect(HttpServletResponse response) {
        return protect(response, "'none'");
    }

    /**
     * The same for a preview of a theme being edited: framed by the back office's theme editor only, never stored
     * by a cache nor indexed.
     */
    String protectPreview(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        return protect(response, backOffice);
    }

    private String protect(HttpServletResponse response, String frameAncestors) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-"
                + nonce + "'; img-src 'self' https: data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors " + frameAncestors + "; form-action 'self' " + formTargets);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        return nonce;
    }
}
