package dev.atelier.storefront.pages;

import dev.atelier.platform.tenancy.StorefrontUrls;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.storefront.catalog.StorefrontCatalog;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What search engines read first at a chain's storefront: what they may crawl, and the pages there are. */
@RestController
class SearchEngineController {

    private final StorefrontUrls urls;
    private final StorefrontCatalog catalog;

    SearchEngineController(StorefrontUrls urls, StorefrontCatalog catalog) {
        this.urls = urls;
        this.catalog = catalog;
    }

    /** Pages are open to crawlers; the API and the signed-in pages are not. */
    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        return """
                User-agent: *
                Allow: /
                Disallow: /api/
                Disallow: /me
                Sitemap: %ssitemap.xml
                """.formatted(home());
    }

    /** The chain's public pages, each with its language versions. */
    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    String sitemap() {
        String home = home();
        StringBuilder pages = new StringBuilder(entry(home));
        catalog.current().locations().forEach(location -> pages.append(entry(home + "locations/" + location.id())));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
                %s</urlset>
                """.formatted(pages);
    }

    private static String entry(String url) {
        return """
                  <url>
                    <loc>%1$s</loc>
                    <xhtml:link rel="alternate" hreflang="en" href="%1$s?lang=en"/>
                    <xhtml:link rel="alternate" hreflang="zh-CN" href="%1$s?lang=zh-CN"/>
                  </url>
                """.formatted(xml(url));
    }

    /** The storefront's canonical address (its verified custom domain, if any), ending in a slash. */
    private String home() {
        String home = urls.canonicalOf(TenantContext.require());
        return home.endsWith("/") ? home : home + "/";
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
