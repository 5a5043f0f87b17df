package dev.atelier.storefront.pages;

import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantId;
import dev.atelier.platform.theme.Theme;
import dev.atelier.platform.theme.Themes;
import dev.atelier.storefront.catalog.CatalogView;
import dev.atelier.storefront.catalog.StorefrontCatalog;
import dev.atelier.storefront.session.SignedInCustomer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every booking and account page shares: the chain's theme and words in the visitor's language, its catalog, and
 * who is signed in. A site is kept per chain, content version (its calendar and theme; see
 * {@link Themes#contentVersion()}), language and canonical address, so a page costs one small read before its own
 * work; a change made anywhere shows at the next visit.
 */
@Component
class PageFrame {

    private static final int MAX_SITES = 10_000;

    /** A chain's site in one language: the layout's values, its catalog, the words. */
    record Site(Tenant tenant, Locale locale, Labels labels, Theme theme, CatalogView catalog,
            Map<String, Object> frame, String home, Map<String, Object> kept) {

        /** What a page makes of this site once (its content), kept as long as the site is. */
        @SuppressWarnings("unchecked")
        <T> T keep(String name, Supplier<T> make) {
            return (T) kept.computeIfAbsent(name, unused -> make.get());
        }

        Optional<CatalogView.ServiceView> service(String id) {
            return catalog.services().stream().filter(service -> service.id().equals(id)).findFirst();
        }

        Optional<CatalogView.StaffView> stylist(String id) {
            return catalog.staff().stream().filter(member -> member.id().equals(id)).findFirst();
        }

        Optional<dev.atelier.platform.catalog.LocationView> location(String id) {
            return catalog.locations().stream().filter(location -> location.id().equals(id)).findFirst();
        }
    }

    /** One kept site per chain, language and address; a new content version replaces it. */
    private record SiteKey(TenantId tenant, String language, String home) {
    }

    private record Kept(String contentVersion, Site site) {
    }

    private final Map<SiteKey, Kept> sites = new ConcurrentHashMap<>();
    private final Themes themes;
    private final StorefrontCatalog catalog;
    private final StorefrontUrls urls;
    private final PageSecurity security;

    PageFrame(Themes themes, StorefrontCatalog catalog, StorefrontUrls urls, PageSecurity security) {
        this.themes = themes;
        this.catalog = catalog;
        this.urls = urls;
        this.security = security;
    }

    /** The current chain's site in the visitor's language (a {@code lang} switch is remembered). */
    Site site(String lang, HttpServletRequest request, HttpServletResponse response) {
        return site(lang, request, response, home());
    }

    /** The current chain's canonical address; it may read the registry (another connection of the same pool). */
    String home() {
        return urls.canonicalOf(TenantContext.require());
    }

    /**
     * The same, for the chain's canonical address {@code home} resolved already: a page that works in one transaction
     * resolves it before the transaction opens, so it never waits for a second connection while holding one.
     */
    Site site(String lang, HttpServletRequest request, HttpServletResponse response, String home) {
        Tenant tenant = TenantContext.require();
        Locale locale = PageLocale.choose(lang, request, response, tenant.locale());
        SiteKey key = new SiteKey(tenant.id(), locale.toLanguageTag(), home);
        String version = themes.contentVersion();
        Kept kept = sites.get(key);
        if (kept == null || !kept.contentVersion().equals(version)) {
            if (kept == null && sites.size() >= MAX_SITES) {
                sites.clear();
            }
            kept = new Kept(version, build(tenant, locale, home));
            sites.put(key, kept);
        }
        return kept.site();
    }

    /**
     * The current chain's site as it would be in {@code theme} (a preview of a theme being edited): built for this
     * one response, never kept.
     */
    Site preview(String lang, HttpServletRequest request, HttpServletResponse response, Theme theme) {
        Tenant tenant = TenantContext.require();
        Locale locale = PageLocale.choose(lang, request, response, tenant.locale());
        return build(tenant, locale, home(), theme);
    }

    private Site build(Tenant tenant, Locale locale, String home) {
        return build(tenant, locale, home, themes.current());
    }

    private Site build(Tenant tenant, Locale locale, String home, Theme theme) {
        Labels labels = Labels.of(locale);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("lang", locale.toLanguageTag());
        frame.put("otherLanguage", labels.otherLanguage());
        frame.put("labels", labels.texts());
        frame.put("brand", HomePageController.brand(theme));
        return new Site(tenant, locale, labels, theme, catalog.current(), Collections.unmodifiableMap(frame), home,
                new ConcurrentHashMap<>());
    }

    /** Puts the frame, the page's canonical address and the visitor's account into {@code model}. */
    void show(Site site, String path, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAllAttributes(site.frame());
        model.addAttribute("canonical", site.home() + path);
        languageLinks(model, request, site.home() + path, site.labels().otherLanguage().get("tag"));
        model.addAttribute("nonce", security.protect(response));
        Map<String, Object> account = account(request);
        model.addAttribute("account", account);
        if (Boolean.TRUE.equals(account.get("signedIn"))) {
            model.addAttribute("_csrf", Map.of("parameterName", account.get("csrfName"), "token",
                    account.get("csrfToken")));
        }
    }

    /**
     * The language switch (this page, its choices kept, in the other language) and the other language's alternate
     * of the canonical address, for search engines.
     */
    static void languageLinks(Model model, HttpServletRequest request, String canonical, String otherLanguage) {
        model.addAttribute("languageSwitch", UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString()).replaceQueryParam("lang", otherLanguage).build().toUriString());
        model.addAttribute("alternate", canonical + (canonical.contains("?") ? "&" : "?") + "lang=" + otherLanguage);
    }

    /**
     * Who is signed in, for the page header: nobody, or a name and the CSRF token the sign-out form needs (only then
     * is the token made, so anonymous visits create no session).
     */
    static Map<String, Object> account(HttpServletRequest request) {
        Optional<SignedInCustomer> customer = customer();
        boolean failed = request.getParameter("signInFailed") != null;
        if (customer.isEmpty()) {
            return Map.of("signedIn", false, "failed", failed);
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return Map.of("signedIn", true, "failed", failed, "name", customer.get().displayName(), "csrfName",
                csrf == null ? "_csrf" : csrf.getParameterName(), "csrfToken", csrf == null ? "" : csrf.getToken());
    }

    /** The customer signed in to this chain, if any. */
    static Optional<SignedInCustomer> customer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInCustomer customer
                ? Optional.of(customer)
                : Optional.empty();
    }
}
