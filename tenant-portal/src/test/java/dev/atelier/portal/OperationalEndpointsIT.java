package dev.atelier.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The tenant-portal app starts against real PostgreSQL and answers health and Prometheus scrapes. */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationalEndpointsIT {

    static final TestCells CELLS = TestCells.create("tenant_portal_ops");

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 2);
    }

    @LocalServerPort
    int port;

    @Test
    void healthIsUpAndMetricsAreScrapable() {
        Http http = new Http(port);

        Http.Response health = http.get("localhost", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");

        Http.Response metrics = http.get("localhost", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"tenant-portal\"");
    }
}
