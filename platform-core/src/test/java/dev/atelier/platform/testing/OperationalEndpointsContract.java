package dev.atelier.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every Atelier app answers once started against real PostgreSQL: health UP (with its liveness and readiness
 * groups) on its own port, a Prometheus scrape tagged with its name only on the management port, and addresses of
 * itself built from configuration whatever {@code Host} a request names, and its OpenAPI description as committed in
 * {@code docs/openapi/<application name>.json}. Each app's {@code OperationalEndpointsIT} extends this with its own
 * {@code @SpringBootTest}.
 */
public abstract class OperationalEndpointsContract {

    static final TestCells CELLS = TestCells.create("ops");

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 2);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    protected abstract String applicationName();

    /** The app's configured public base URL ({@code atelier.web.public-url}), e.g. {@code http://localhost:8081}. */
    protected abstract String publicUrl();

    @Test
    void healthIsUpOnTheAppsPort() {
        Http http = new Http(port);

        for (String path : new String[]{"/actuator/health", "/actuator/health/liveness",
                "/actuator/health/readiness"}) {
            Http.Response health = http.get("localhost", path);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.json().get("status").asString()).as(path).isEqualTo("UP");
        }
        Http.Response unknownGroup = http.get("localhost", "/actuator/health/no-such-group");
        assertThat(unknownGroup.status()).isEqualTo(404);
        assertThat(unknownGroup.isProblem()).isTrue();
    }

    /** The error path asked for directly has no failure to describe: 404 problem, no session, on any host. */
    @Test
    void theErrorPathAskedForDirectlyIsNotFound() {
        Http http = new Http(port);
        for (String host : new String[]{"localhost", "aurora.localhost", "evil.example"}) {
            for (String method : new String[]{"GET", "POST", "DELETE"}) {
                Http.Response error = http.send(method, host, "/error", method.equals("POST") ? "{}" : null);
                assertThat(error.status()).as(method + " " + host).isEqualTo(404);
                assertThat(error.isProblem()).as(method + " " + host).isTrue();
                assertThat(error.header("Set-Cookie")).as("no session").isNullOrEmpty();
            }
        }
    }

    @Test
    void metricsAreScrapableOnlyOnTheManagementPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);

        Http.Response metrics = new Http(managementPort).get("localhost", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .contains("application=\"" + applicationName() + "\"")
                .contains("hikaricp_connections");

        Http app = new Http(port);
        for (String host : new String[]{"localhost", "aurora.localhost", "evil.example"}) {
            Http.Response onAppPort = app.get(host, "/actuator/prometheus");
            assertThat(onAppPort.status()).as(host).isEqualTo(404);
            assertThat(onAppPort.isProblem()).as(host).isTrue();
            assertThat(onAppPort.body()).doesNotContain("jvm_");
        }
        for (String path : new String[]{"/actuator/info", "/actuator/env", "/actuator/metrics", "/actuator"}) {
            Http.Response other = app.get("localhost", path);
            assertThat(other.status()).as(path).isIn(401, 404);
            assertThat(other.isProblem()).as(path).isTrue();
        }
    }

    @Test
    void jsonBodiesOverTheCapAreRefusedBeforeAnythingReadsThem() {
        Http http = new Http(port);
        byte[] tenMegabytes = PublicWritesContract.jsonOf(10 * 1024 * 1024);
        byte[] justOver = PublicWritesContract.jsonOf(64 * 1024 + 1);

        for (byte[] body : new byte[][]{tenMegabytes, justOver}) {
            for (String type : new String[]{"application/json", "application/merge-patch+json; charset=utf-8"}) {
                Http.Response refused = http.postBytes("localhost", "/api/v1/anything", type, body, false);
                Problems.assertProblem(refused, 413, "body-too-large");
            }
        }
        // a body within the cap goes on to the security rules (no token here)
        Http.Response within = http.postBytes("localhost", "/api/v1/anything", "application/json",
                PublicWritesContract.jsonOf(64 * 1024), false);
        assertThat(within.status()).isEqualTo(401);
    }

    @Test
    void theAppNamesItselfFromConfigurationNotFromTheHostHeader() {
        Http http = new Http(port);
        String metadataUrl = publicUrl() + "/.well-known/oauth-protected-resource";

        for (String host : new String[]{"evil.example", "localhost", "127.0.0.1:1"}) {
            Http.Response refused = http.get(host, "/api/v1/me");
            assertThat(refused.status()).as(host).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).as(host).startsWith("Bearer")
                    .contains("resource_metadata=\"" + metadataUrl + "\"").doesNotContain("evil");

            Http.Response metadata = http.get(host, "/.well-known/oauth-protected-resource");
            assertThat(metadata.status()).as(host).isEqualTo(200);
            assertThat(metadata.json().get("resource").asString()).as(host).isEqualTo(publicUrl());
            assertThat(metadata.body()).doesNotContain("evil");
        }
        Http.Response forwarded = http.send("GET", "localhost", "/api/v1/me", null, "X-Forwarded-Host",
                "evil.example", "X-Forwarded-Proto", "https", "Forwarded", "host=evil.example");
        assertThat(forwarded.header("WWW-Authenticate")).contains(metadataUrl).doesNotContain("evil");
    }

    /**
     * {@code /v3/api-docs} is valid OpenAPI 3.1 and the committed description ({@link ApiDescriptions}), and names the
     * app's configured address among its servers whatever {@code Host} the request named.
     */
    @Test
    void theServedApiDescriptionIsTheCommittedOne() {
        Http http = new Http(port);
        ApiDescriptions.assertServedIsCommitted(http, applicationName());

        Http.Response elsewhere = http.send("GET", "evil.example", "/v3/api-docs", null, "X-Forwarded-Host",
                "evil.example", "X-Forwarded-Proto", "https");
        assertThat(elsewhere.status()).isEqualTo(200);
        List<String> servers = new ArrayList<>();
        elsewhere.json().get("servers").forEach(server -> servers.add(server.get("url").asString()));
        assertThat(servers).contains(publicUrl());
        assertThat(elsewhere.body()).doesNotContain("evil").doesNotContain(":" + port);
    }
}
