package dev.atelier.portal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.TenantPortalApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signup latency end to end: {@code POST /api/v1/signup} on the portal against real PostgreSQL and Keycloak (registry
 * entry, schema with every tenant changeset, organization, owner account, membership), {@value #SIGNUPS} sequential
 * signups after {@value #WARM_UP} warm-up ones; p50/p95/max go to {@code target/benchmarks/signup.md}. Run with
 * {@code ./atelier mvn -pl tenant-portal -am verify -Dit.test=SignupBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dspotless.check.skip}. Not part
 * of the test suite.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignupBenchmark {

    static final int SIGNUPS = Integer.getInteger("bench.signups", 100);
    static final int WARM_UP = 10;
    static final TestCells CELLS = TestCells.create("bench_signup");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Test
    void sequentialSignups() throws IOException {
        Http http = new Http(port);
        String run = Long.toString(System.currentTimeMillis() % 100_000, 36);
        for (int i = 0; i < WARM_UP; i++) {
            signUp(http, "warm-" + run + "-" + i);
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < SIGNUPS; i++) {
            long start = System.nanoTime();
            signUp(http, "bench-" + run + "-" + i);
            micros.add((System.nanoTime() - start) / 1_000);
        }
        List<Long> sorted = micros.stream().sorted().toList();
        String report = """
                # Signup latency

                %d sequential `POST /api/v1/signup` (after %d warm-up), each: registry entry, schema with every
                tenant changeset, Keycloak organization and storefront client, owner account and membership, owner role row.
                Machine: %d cores (`nproc`), Java %s.

                | p50 | p95 | max | mean |
                |---|---|---|---|
                | %d ms | %d ms | %d ms | %d ms |
                """
                .formatted(SIGNUPS, WARM_UP, Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), percentile(sorted, 50) / 1000,
                        percentile(sorted, 95) / 1000,
                        sorted.getLast() / 1000,
                        (long) sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1000);
        Path out = Path.of("target/benchmarks/signup.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static void signUp(Http http, String slug) {
        Http.Response response = http.post("localhost", "/api/v1/signup", """
                {"chainName":"Bench %s","slug":"%s","country":"GB","currency":"GBP","timezone":"Europe/London",
                 "locale":"en-GB","owner":{"name":"Owner","email":"owner@%s.test","password":"a-long-password"}}
                """.formatted(slug, slug, slug));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
