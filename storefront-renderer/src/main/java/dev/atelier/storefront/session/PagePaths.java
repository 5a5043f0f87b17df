package dev.atelier.storefront.session;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** The storefront's page paths: they answer pages, the rest of the host (the API, operations) problem+json. */
public final class PagePaths {

    static final List<String> PATTERNS = List.of("/", "/locations/**", "/book", "/book/**", "/my/**",
            CustomerSessions.SIGN_IN_PATH, TenantClients.SIGNED_IN_PATH, "/sign-out", "/assets/**", "/robots.txt",
            "/sitemap.xml", "/favicon.ico");

    private static final RequestMatcher PAGES = new OrRequestMatcher(PATTERNS.stream()
            .map(PathPatternRequestMatcher.withDefaults()::matcher).map(RequestMatcher.class::cast).toList());

    private PagePaths() {
    }

    public static boolean isPage(HttpServletRequest request) {
        return PAGES.matches(request);
    }
}
