package dev.atelier.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every Atelier app answers once started against real PostgreSQL: health UP and a Prometheus scrape tagged with
 * its name. Each app's {@code OperationalEndpointsIT} extends this with its own {@code @SpringBootTest}.
 */
public abstract class OperationalEndpointsContract {

    static final TestCells CELLS = TestCells.create("ops");

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 2);
    }

    @LocalServerPort
    int port;

    protected abstract String applicationName();

    @Test
    void healthIsUpAndMetricsAreScrapable() {
        Http http = new Http(port);

        Http.Response health = http.get("localhost", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");

        Http.Response metrics = http.get("localhost", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes")
                .contains("application=\"" + applicationName() + "\"")
                .contains("hikaricp_connections");
    }
}
