package dev.atelier.storefront.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.scheduling.StaffShift;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantContext;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.tenancy.TenantStatus;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.platform.theme.Theme;
import dev.atelier.platform.theme.Themes;
import dev.atelier.storefront.SalonFixture;
import dev.atelier.storefront.StorefrontApplication;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfigurer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chain's home page rendered by the storefront against real PostgreSQL and Keycloak: its theme and catalog, tenant
 * text (tagline, custom CSS) set to injection payloads rendered inert, the Content-Security-Policy with the style's
 * nonce, template settings that reach no Java, canonical addresses on a verified custom domain, and the neutral and
 * "temporarily unavailable" pages.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePageIT {

    static final TestCells CELLS = TestCells.create("pages");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final String TAGLINE = "${7*7} <#assign x=1> <script>alert(2)</script> & friends";
    static final String CSS = "</style><script>alert(1)</script> .tagline{letter-spacing:.02em}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    SalonFixture fixture;

    @Autowired
    Themes themes;

    @Autowired
    TenantDirectory directory;

    @Autowired
    FreeMarkerConfigurer freemarker;

    Http http;
    Tenant chain;
    UUID soho;
    UUID cut;

    @BeforeAll
    void chain() {
        http = new Http(port);
        chain = fixture.chain("page-a");
        TenantContext.asTenant(chain, () -> {
            soho = fixture.location("Soho", LocalTime.of(9, 0), LocalTime.of(18, 0));
            UUID anna = fixture.stylist("anna@page-a.test", soho);
            cut = fixture.service("Cut & finish", 45, 0, true, List.of(anna));
            fixture.weekly(anna, soho, StaffShift.Kind.SHIFT, DayOfWeek.MONDAY, 540, 1080);
            themes.set(new Theme("Page A <Salon>", "https://img.test/logo.svg", "#1d3557", "#f4d35e",
                    Theme.Font.SERIF, 12, "https://img.test/hero.jpg", TAGLINE, Theme.Layout.SPLIT,
                    new Theme.Sections(true, false, true), CSS));
        });
    }

    @Test
    void theHomePageShowsTheChainInItsThemeAndEveryTenantTextInert() {
        Http.Response page = http.get("page-a.localhost", "/");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String body = page.body();
        assertThat(body).contains("--primary:#1d3557", "--on-primary:#ffffff", "--on-accent:#000000",
                "class=\"layout-split\"", "Page A &lt;Salon&gt;", "Cut &amp; finish", "Soho", "Services and prices")
                .doesNotContain("id=\"stylists\"");
        assertThat(body).as("the tagline is text, not markup nor template").contains(
                "${7*7} &lt;#assign x=1&gt; &lt;script&gt;alert(2)&lt;/script&gt; &amp; friends")
                .doesNotContain("alert(1)</script>", "<script>");
        assertThat(body).as("the template expression is shown, not evaluated").contains(
                "<p class=\"tagline\">${7*7} &lt;#assign x=1&gt;");
        assertThat(Pattern.compile("<script").matcher(body).results().count())
                .as("the only script element is the structured data").isEqualTo(1);
        assertThat(body).contains("<script type=\"application/ld+json\">");
        assertThat(Pattern.compile("</style>").matcher(body).results().count()).as("one style element, closed once")
                .isEqualTo(1);
        assertThat(body).contains(".tagline{letter-spacing:.02em}");

        String policy = page.header("Content-Security-Policy");
        Matcher nonce = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'").matcher(policy);
        assertThat(nonce.find()).as(policy).isTrue();
        assertThat(body).contains("<style nonce=\"" + nonce.group(1) + "\">");
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(body).contains("<link rel=\"stylesheet\" href=\"/assets/site.css\">");
        Http.Response css = http.get("page-a.localhost", "/assets/site.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.header("Cache-Control")).contains("max-age=86400");
        // one small file for every page (kept a day): the notification preferences' form took it past 4 kB
        assertThat(css.body()).contains("var(--primary)").hasSizeLessThan(4_500);
        assertThat(http.get("page-a.localhost", "/").header("Content-Security-Policy")).as("a fresh nonce each time")
                .isNotEqualTo(policy);
    }

    @Test
    void everyPageOfTheBookingFlowRendersTheChainsPayloadsInert() {
        String monday = java.time.LocalDate.now().with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY))
                .toString();
        for (String path : List.of("/", "/locations/" + soho, "/book", "/book?location=" + soho, "/book?location="
                + soho + "&missing", "/book/stylist?location=" + soho + "&service=" + cut,
                "/book/time?location="
                        + soho + "&service=" + cut + "&stylist=any&date=" + monday,
                "/?lang=zh-CN")) {
            Http.Response page = http.get("page-a.localhost", path);
            assertThat(page.status()).as(path).isEqualTo(200);
            String body = page.body();
            assertThat(body).as(path).contains(
                    "<p class=\"tagline\">${7*7} &lt;#assign x=1&gt; &lt;script&gt;alert(2)&lt;/script&gt; &amp; friends")
                    .contains(".tagline{letter-spacing:.02em}").doesNotContain("alert(1)</script>");
            assertThat(Pattern.compile("<script").matcher(body).results().count())
                    .as(path + ": the only script element is the structured data").isEqualTo(1);
            assertThat(Pattern.compile("</style>").matcher(body).results().count())
                    .as(path + ": one style element, closed once").isEqualTo(1);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
        }
    }

    @Test
    void searchEnginesGetStructuredDataCanonicalAddressesRobotsAndASitemap() {
        String body = http.get("page-a.localhost", "/").body();
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(body);
        assertThat(script.find()).as(body).isTrue();
        assertThat(script.group(1)).doesNotContain("<", ">");
        JsonNode salon = JsonMapper.builder().build().readTree(script.group(1)).get("@graph").get(0);
        assertThat(salon.get("@type").asString()).isEqualTo("HairSalon");
        assertThat(salon.get("name").asString()).isEqualTo("Page A <Salon> Soho");
        assertThat(salon.get("openingHoursSpecification").get(0).get("opens").asString()).isEqualTo("09:00");
        assertThat(salon.get("makesOffer").get(0).get("itemOffered").get("name").asString()).isEqualTo("Cut & finish");
        assertThat(body).contains("<link rel=\"canonical\" href=\"http://page-a.localhost:8080\"");

        Http.Response robots = http.get("page-a.localhost", "/robots.txt");
        assertThat(robots.contentType()).startsWith("text/plain");
        assertThat(robots.body()).contains("Disallow: /api/", "Sitemap: http://page-a.localhost:8080/sitemap.xml");
        Http.Response sitemap = http.get("page-a.localhost", "/sitemap.xml");
        assertThat(sitemap.contentType()).startsWith("application/xml");
        assertThat(sitemap.body()).contains("<loc>http://page-a.localhost:8080/</loc>", "hreflang=\"zh-CN\"");
    }

    @Test
    void theLanguageIsTheVisitorsChoiceElseTheirBrowsersElseTheChains() {
        Http.Response chosen = http.send("GET", "page-a.localhost", "/?lang=zh-CN", null);
        assertThat(chosen.body()).contains("<html lang=\"zh-CN\">", "服务与价格", "周一");
        assertThat(chosen.header("Set-Cookie")).startsWith("lang=zh-CN");
        assertThat(http.send("GET", "page-a.localhost", "/", null, "Cookie", "lang=zh-CN").body())
                .as("remembered").contains("服务与价格");
        assertThat(http.send("GET", "page-a.localhost", "/", null, "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .body()).as("the browser's").contains("<html lang=\"zh-CN\">");
        assertThat(http.send("GET", "page-a.localhost", "/", null, "Accept-Language", "fr-FR,de;q=0.8").body())
                .as("neither spoken: the chain's default").contains("Services and prices");
        assertThat(http.send("GET", "page-a.localhost", "/?lang=xx", null).body()).contains("Services and prices");
    }

    @Test
    void aThemeBeingEditedShowsOnTheHomePageForTheBackOfficeToFrameAndNowhereElse() throws Exception {
        Theme draft = new Theme("Draft <Look>", null, "#7b2d26", "#2a9d8f", Theme.Font.HUMANIST, 0, null,
                "Coming soon", Theme.Layout.CLASSIC, Theme.Sections.ALL, ".tagline{font-style:italic}");
        Themes.Preview preview = TenantContext.asTenant(chain, () -> themes.preview(draft));
        assertThat(TenantContext.asTenant(chain, () -> themes.preview(draft)).id()).as("the same draft, one preview")
                .isEqualTo(preview.id());

        Http.Response page = http.get("page-a.localhost", "/?preview=" + preview.id());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("--primary:#7b2d26", "Draft &lt;Look&gt;", "Coming soon",
                ".tagline{font-style:italic}", "class=\"preview-banner\"", "Cut &amp; finish")
                .doesNotContain("Page A &lt;Salon&gt;");
        assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors http://localhost:8081;");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("X-Robots-Tag")).isEqualTo("noindex");

        Http.Response published = http.get("page-a.localhost", "/");
        assertThat(published.body()).as("the site itself keeps its theme").contains("Page A &lt;Salon&gt;")
                .doesNotContain("Draft", "preview-banner");
        assertThat(published.header("Content-Security-Policy")).contains("frame-ancestors 'none'");

        for (String bad : List.of(UUID.randomUUID().toString(), "not-a-preview", "%00", preview.id() + "x")) {
            Http.Response refused = http.get("page-a.localhost", "/?preview=" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(404);
            assertThat(refused.contentType()).as(bad).startsWith("text/html");
        }
        fixture.chain("page-preview-other");
        assertThat(http.get("page-preview-other.localhost", "/?preview=" + preview.id()).status())
                .as("another chain's preview is not this chain's").isEqualTo(404);
        assertThat(CELLS.update(chain, "update theme_preview set expires_at = now() - interval '1 second'"))
                .isEqualTo(1);
        assertThat(http.get("page-a.localhost", "/?preview=" + preview.id()).status()).as("lapsed").isEqualTo(404);
    }

    @Test
    void aPageShowsTheChainsChangesAtOnceWhicheverAppMadeThem() throws Exception {
        Tenant other = fixture.chain("page-b");
        UUID[] service = new UUID[1];
        TenantContext.asTenant(other, () -> {
            UUID salon = fixture.location("Leith", LocalTime.of(9, 0), LocalTime.of(18, 0));
            service[0] = fixture.service("Beard trim", 20, 0, true, List.of(fixture.stylist("b@page-b.test", salon)));
        });
        assertThat(http.get("page-b.localhost", "/").body()).contains("Beard trim");

        // the menu changed outside this app (the portal): the next visit shows it
        assertThat(CELLS.update(other, "update service set name = 'Beard sculpt' where id = '" + service[0] + "'"))
                .isEqualTo(1);
        assertThat(http.get("page-b.localhost", "/").body()).contains("Beard sculpt").doesNotContain("Beard trim");

        TenantContext.asTenant(other, () -> themes.set(new Theme("Page B", null, "#2f5d3a", "#c9a227",
                Theme.Font.SYSTEM, 4, null, "New tagline", Theme.Layout.CLASSIC, Theme.Sections.ALL, "")));
        assertThat(http.get("page-b.localhost", "/").body()).contains("New tagline", "--primary:#2f5d3a");
    }

    @Test
    void eachSalonHasItsOwnPageAndOtherChainsSalonsAreNotHere() {
        String home = http.get("page-a.localhost", "/").body();
        Matcher link = Pattern.compile("href=\"/locations/([0-9a-f-]{36})\"").matcher(home);
        assertThat(link.find()).as(home).isTrue();
        String id = link.group(1);

        Http.Response salon = http.get("page-a.localhost", "/locations/" + id);
        assertThat(salon.status()).as(salon.body()).isEqualTo(200);
        assertThat(salon.body()).contains("<h1 id=\"location-title\">Soho</h1>", "Cut &amp; finish", "anna@page-a.test",
                "<link rel=\"canonical\" href=\"http://page-a.localhost:8080/locations/" + id + "\"",
                "\"@type\":\"HairSalon\"");
        assertThat(http.get("page-a.localhost", "/sitemap.xml").body()).contains("/locations/" + id + "</loc>");

        Tenant other = fixture.chain("page-c");
        UUID foreign = TenantContext.asTenant(other, () -> fixture.location("Elsewhere", LocalTime.of(9, 0),
                LocalTime.of(17, 0)));
        for (String missing : List.of("/locations/" + foreign, "/locations/" + UUID.randomUUID(), "/locations/abc")) {
            Http.Response none = http.get("page-a.localhost", missing);
            assertThat(none.status()).as(missing).isEqualTo(404);
            assertThat(none.contentType()).startsWith("text/html");
            assertThat(none.body()).contains("There is nothing here").doesNotContain("Elsewhere");
        }
    }

    @Test
    void aVerifiedCustomDomainIsTheCanonicalAddressAndAnUnverifiedOneIsNot() throws Exception {
        Tenant salon = fixture.chain("page-d");
        UUID leith = TenantContext.asTenant(salon, () -> fixture.location("Leith", LocalTime.of(9, 0),
                LocalTime.of(18, 0)));
        domain(salon, "www.page-d-pending.test", null);
        assertThat(http.get("page-d.localhost", "/").body()).as("an unverified domain does not count")
                .contains("<link rel=\"canonical\" href=\"http://page-d.localhost:8080\"");
        assertThat(http.get("page-d.localhost", "/sitemap.xml").body()).contains(
                "<loc>http://page-d.localhost:8080/</loc>");
        assertThat(http.get("www.page-d-pending.test", "/").status()).isEqualTo(404);

        // verified (two at once: the alphabetically first counts), and a later one that does not take over
        Instant verified = Instant.parse("2026-03-01T10:00:00Z");
        domain(salon, "zz.page-d.test", verified);
        domain(salon, "www.page-d.test", verified);
        domain(salon, "a.page-d.test", verified.plusSeconds(60));
        directory.evict(salon); // what this app would do on verifying; other apps see it within the directory TTL

        String home = "https://www.page-d.test";
        String location = home + "/locations/" + leith;
        for (String host : List.of("page-d.localhost", "www.page-d.test")) {
            Http.Response page = http.get(host, "/");
            assertThat(page.status()).as(host).isEqualTo(200);
            assertThat(page.body()).as(host).contains("<link rel=\"canonical\" href=\"" + home + "\"",
                    "<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"" + home + "?lang=zh-CN\"",
                    "\"url\":\"" + location + "\"").doesNotContain("page-d.localhost:8080");
        }
        Http.Response salonPage = http.get("www.page-d.test", "/locations/" + leith);
        assertThat(salonPage.status()).as(salonPage.body()).isEqualTo(200);
        assertThat(salonPage.body()).contains("<link rel=\"canonical\" href=\"" + location + "\"",
                "\"url\":\"" + location + "\"");
        String sitemap = http.get("page-d.localhost", "/sitemap.xml").body();
        assertThat(sitemap).contains("<loc>" + home + "/</loc>", "<loc>" + location + "</loc>")
                .doesNotContain("page-d.localhost", "zz.page-d.test", "a.page-d.test");
        assertThat(http.get("www.page-d.test", "/robots.txt").body()).contains("Sitemap: " + home + "/sitemap.xml");
        assertThat(http.get("page-a.localhost", "/").body()).as("other chains keep theirs")
                .contains("<link rel=\"canonical\" href=\"http://page-a.localhost:8080\"");
    }

    /** A custom domain of {@code tenant} in the registry, verified at {@code verifiedAt} unless that is null. */
    private static void domain(Tenant tenant, String domain, Instant verifiedAt) throws Exception {
        try (Connection connection = TestCells.connect(CELLS.database(TestCells.MAIN));
                PreparedStatement insert = connection.prepareStatement("""
                        insert into platform.tenant_domain
                               (domain, tenant_id, verified, verification_token, created_at, verified_at)
                        values (?, ?, ?, ?, now(), ?)
                        """)) {
            insert.setString(1, domain);
            insert.setObject(2, tenant.id().value());
            insert.setBoolean(3, verifiedAt != null);
            insert.setString(4, UUID.randomUUID().toString());
            insert.setTimestamp(5, verifiedAt == null ? null : Timestamp.from(verifiedAt));
            insert.executeUpdate();
        }
    }

    @Test
    void templatesCanNeitherMakeJavaObjectsNorReachTheJavaApi() {
        Configuration configuration = freemarker.getConfiguration();
        assertThat(configuration.getNewBuiltinClassResolver())
                .isSameAs(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        assertThat(configuration.isAPIBuiltinEnabled()).isFalse();
    }

    @Test
    void anUnknownHostGetsANeutralPageAndASuspendedChainAFriendlyOne() {
        Http.Response unknown = http.get("nobody-here.localhost", "/");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(unknown.body()).contains("There is nothing here").doesNotContain("page-a", "Page A");

        directory.changeStatus(chain, TenantStatus.SUSPENDED);
        try {
            Http.Response suspended = http.get("page-a.localhost", "/");
            assertThat(suspended.status()).isEqualTo(503);
            assertThat(suspended.body()).contains("temporarily unavailable");
            assertThat(http.get("page-a.localhost", "/api/v1/catalog").contentType())
                    .as("the API still answers problem+json").startsWith("application/problem+json");
        } finally {
            directory.changeStatus(chain, TenantStatus.ACTIVE);
        }
        assertThat(http.get("page-a.localhost", "/").status()).isEqualTo(200);
    }
}
