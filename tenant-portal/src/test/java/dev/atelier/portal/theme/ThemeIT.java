package dev.atelier.portal.theme;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.LoginSession;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.identity.Branding;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.Chains;
import dev.atelier.portal.TenantPortalApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The storefront theme through the portal against real PostgreSQL and Keycloak: the starter theme until one is set,
 * a set theme kept and carried to the chain's sign-in client, custom CSS kept only inert, text colours chosen for
 * contrast, a preview that keeps nothing, and bad input refused.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThemeIT {

    static final TestCells CELLS = TestCells.create("theme");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantDirectory directory;

    @Test
    void aChainSetsItsThemeAndItsSignInPagesFollow() throws Exception {
        Chains chains = new Chains(new Http(port), KEYCLOAK);
        String owner = chains.token(chains.signUp("theme-chain"));
        String location = chains.addLocation(owner, "Theme salon");
        chains.addStaff(owner, "stylist@theme-chain.test", "STYLIST", location);
        String stylist = chains.token("stylist@theme-chain.test");
        Tenant tenant = directory.bySlug(Slug.of("theme-chain")).orElseThrow();

        JsonNode starter = chains.call("GET", "/api/v1/theme", stylist, null).json();
        assertThat(starter.get("theme").get("font").asString()).isEqualTo("SYSTEM");
        assertThat(starter.get("theme").get("primaryColour").asString()).matches("#[0-9a-f]{6}");

        String payload = "</style><script>alert(1)</script> .hero{letter-spacing:.02em}";
        String tagline = "${7*7} <#assign x=1> <script>alert(2)</script>";
        Http.Response preview = chains.call("POST", "/api/v1/theme/preview", owner, theme("#f4d35e", payload, tagline));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().get("textOnPrimary").asString()).as("dark text on a light yellow")
                .isEqualTo("#000000");
        assertThat(CELLS.column(tenant, "select count(*) from storefront_theme")).as("a preview keeps nothing")
                .containsExactly("0");

        Http.Response onSite = chains.call("POST", "/api/v1/theme/previews", owner, theme("#f4d35e", payload, tagline));
        assertThat(onSite.status()).as(onSite.body()).isEqualTo(201);
        String previewId = onSite.json().get("id").asString();
        assertThat(onSite.json().get("url").asString()).isEqualTo("http://theme-chain.localhost:8080/?preview="
                + previewId);
        assertThat(onSite.header("Location")).isEqualTo(onSite.json().get("url").asString());
        assertThat(onSite.json().get("removedFromCss").valueStream().map(JsonNode::asString))
                .contains("angle brackets (markup)");
        assertThat(java.time.Instant.parse(onSite.json().get("expiresAt").asString()))
                .isBetween(java.time.Instant.now().plusSeconds(3500), java.time.Instant.now().plusSeconds(3700));
        assertThat(chains.call("POST", "/api/v1/theme/previews", owner, theme("#f4d35e", payload, tagline)).json()
                .get("id").asString()).as("the same draft again is the same preview").isEqualTo(previewId);
        assertThat(chains.call("POST", "/api/v1/theme/previews", owner, theme("#f4d35f", payload, tagline)).json()
                .get("id").asString()).as("another draft, another").isNotEqualTo(previewId);
        assertThat(CELLS.column(tenant, "select theme ->> 'primaryColour' from theme_preview order by 1"))
                .containsExactly("#f4d35e", "#f4d35f");
        assertThat(CELLS.column(tenant, "select count(*) from storefront_theme")).as("nor does a preview on the site")
                .containsExactly("0");
        assertProblem(chains.call("POST", "/api/v1/theme/previews", stylist, theme("#f4d35e", "", null)), 403,
                "forbidden");
        assertProblem(chains.call("POST", "/api/v1/theme/previews", owner, theme("yellow", "", null)), 400,
                "validation");

        Http.Response set = chains.call("PUT", "/api/v1/theme", owner, theme("#1d3557", payload, tagline));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("textOnPrimary").asString()).isEqualTo("#ffffff");
        assertThat(set.json().get("removedFromCss").valueStream().map(JsonNode::asString))
                .contains("angle brackets (markup)");
        JsonNode kept = chains.call("GET", "/api/v1/theme", stylist, null).json().get("theme");
        assertThat(kept.get("customCss").asString()).doesNotContain("<", ">").contains(".hero{letter-spacing:.02em}");
        assertThat(kept.get("tagline").asString()).as("text is kept as written; pages escape it").isEqualTo(tagline);
        assertThat(kept.get("layout").asString()).isEqualTo("SPLIT");
        assertThat(Branding.contrastRatio(kept.get("primaryColour").asString(), "#ffffff")).isGreaterThan(4.5);

        Map<String, String> client = KEYCLOAK.adminClient().realm("atelier").clients()
                .findByClientId("storefront-theme-chain").getFirst().getAttributes();
        assertThat(client).containsEntry("atelier.brand.primary", "#1d3557")
                .containsEntry("atelier.brand.name", "Theme Chain Hair");

        assertProblem(chains.call("PUT", "/api/v1/theme", stylist, theme("#1d3557", "", null)), 403, "forbidden");
        assertProblem(chains.call("PUT", "/api/v1/theme", owner, theme("blue", "", null)), 400, "validation");
        assertProblem(chains.call("PUT", "/api/v1/theme", owner, theme("#1d3557", "", null)
                .replace("\"SERIF\"", "\"Comic Sans\"")), 400, "malformed-request");
        assertProblem(chains.call("PUT", "/api/v1/theme", owner, theme("#1d3557", "", null)
                .replace("https://img.test/hero.jpg", "javascript:alert(1)")), 400, "validation");
        assertProblem(chains.call("PUT", "/api/v1/theme", owner, theme("#1d3557", "", null)
                .replace("\"cornerRadius\":12", "\"cornerRadius\":99")), 400, "validation");
        String[][] badImages = {{"logoUrl", "//evil.example/x"}, {"heroImageUrl", "//evil.example/x"},
                {"logoUrl", "http://127.0.0.1:9200/_cat/indices"}, {"logoUrl", "https://127.0.0.1:9200/x.png"},
                {"heroImageUrl", "https://127.0.0.1:9200/x.png"}, {"logoUrl", "https://[::1]/x.png"},
                {"logoUrl", "https://[::ffff:127.0.0.1]/x.png"}, {"heroImageUrl", "https://169.254.169.254/latest"},
                {"logoUrl", "https://10.0.0.8/x.png"}, {"logoUrl", "https://192.168.1.1/x.png"},
                {"logoUrl", "https://[fd00::1]/x.png"}, {"heroImageUrl", "https://[fe80::1]/x.png"},
                {"logoUrl", "https://localhost/x.png"}, {"heroImageUrl", "https://aurora.localhost:8080/x.png"},
                {"logoUrl", "https://2130706433/x.png"}, {"logoUrl", "https://user@img.test/x.png"},
                {"heroImageUrl", "https://img.test@evil.example/x.png"},
                {"logoUrl", "http://img.test/logo.svg"}, {"heroImageUrl", "http://img.test/hero.jpg"}};
        for (String[] bad : badImages) {
            String field = bad[0];
            String original = field.equals("logoUrl") ? "https://img.test/logo.svg" : "https://img.test/hero.jpg";
            for (String path : new String[]{"/api/v1/theme", "/api/v1/theme/preview"}) {
                JsonNode refused = assertProblem(chains.call(path.endsWith("preview") ? "POST" : "PUT", path, owner,
                        theme("#1d3557", "", null).replace(original, bad[1])), 400, "validation");
                assertThat(refused.get("errors").get(0).get("field").asString()).as(bad[1]).isEqualTo(field);
            }
        }
        Http.Response rootRelative = chains.call("POST", "/api/v1/theme/preview", owner, theme("#1d3557", "", null)
                .replace("https://img.test/logo.svg", "/media/logo.svg")
                .replace("https://img.test/hero.jpg", "/media/hero.jpg"));
        assertThat(rootRelative.status()).as(rootRelative.body()).isEqualTo(200);
        assertThat(chains.call("GET", "/api/v1/theme", owner, null).json().get("theme").get("primaryColour")
                .asString()).as("refused changes keep what was stored").isEqualTo("#1d3557");
        assertThat(chains.call("GET", "/api/v1/theme", owner, null).json().get("theme").get("logoUrl").asString())
                .isEqualTo("https://img.test/logo.svg");

        // the sign-in pages show the chain's logo, and only a safe one whoever set the client's attribute
        assertThat(signInPage()).contains("id=\"atelier-logo\" src=\"https://img.test/logo.svg\"");
        ClientResource storefrontClient = KEYCLOAK.adminClient().realm("atelier").clients()
                .get(KEYCLOAK.adminClient().realm("atelier").clients().findByClientId("storefront-theme-chain")
                        .getFirst().getId());
        for (String bad : new String[]{"//evil.example/x", "http://127.0.0.1:9200/_cat/indices",
                "https://localhost/x.png", "https://aurora.localhost:8080/x.png", "https://user@img.test/x.png",
                "https://[::1]/x.png", "https://10.0.0.8/x.png", "https://2130706433/x.png", "https://metadata/x",
                "https://printer.local/x.png", "javascript:alert(1)"}) {
            ClientRepresentation representation = storefrontClient.toRepresentation();
            representation.getAttributes().put("atelier.brand.logo", bad);
            storefrontClient.update(representation);
            assertThat(signInPage()).as(bad).doesNotContain("atelier-logo\"").doesNotContain(bad);
        }
    }

    private static String signInPage() {
        LoginSession page = new LoginSession(KEYCLOAK.issuerUri("atelier"), "storefront-theme-chain",
                "http://theme-chain.localhost:8080/").open();
        assertThat(page.status()).isEqualTo(200);
        return page.body();
    }

    private static String theme(String primary, String css, String tagline) {
        return """
                {"brandName":"Theme Chain Hair","logoUrl":"https://img.test/logo.svg","primaryColour":"%s",
                 "accentColour":"#e63946","font":"SERIF","cornerRadius":12,"heroImageUrl":"https://img.test/hero.jpg",
                 "tagline":%s,"layout":"SPLIT","sections":{"services":true,"stylists":false,"locations":true},
                 "customCss":%s}""".formatted(primary, json(tagline), json(css));
    }

    private static String json(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
