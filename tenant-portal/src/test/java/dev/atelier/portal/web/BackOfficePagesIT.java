package dev.atelier.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.TenantPortalApplication;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The back office's own files as a browser gets them: the page never cached and its hashed assets for a year, both
 * compressed for a browser that accepts it; a policy that frames only the identity server and the chains' sites (the
 * theme editor's preview) and lets nothing frame the back office.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BackOfficePagesIT {

    static final TestCells CELLS = TestCells.create("backoffice_pages");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageAndItsAssetsAreCachedAsTheyChangeCompressedAndFramedByNoOne() throws Exception {
        HttpResponse<byte[]> page = get("/", false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("frame-ancestors 'none'", "script-src 'self'",
                "frame-src " + KEYCLOAK.baseUrl().replaceAll("/$", "") + " http://*.localhost:8080 https:;");
        String html = new String(page.body(), StandardCharsets.UTF_8);
        Matcher script = Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"").matcher(html);
        assertThat(script.find()).as(html).isTrue();

        HttpResponse<byte[]> plain = get(script.group(1), false);
        HttpResponse<byte[]> zipped = get(script.group(1), true);
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body().length).as("the app's script, compressed").isLessThan(plain.body().length / 2);
        try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
        }
        assertThat(get("/app-config.json", true).statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
