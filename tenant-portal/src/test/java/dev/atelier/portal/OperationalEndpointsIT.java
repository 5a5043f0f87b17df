package dev.atelier.portal;

import dev.atelier.platform.testing.OperationalEndpointsContract;
import org.springframework.boot.test.context.SpringBootTest;

/** The tenant-portal app starts against real PostgreSQL and answers health on its port, Prometheus scrapes on its management port. */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationalEndpointsIT extends OperationalEndpointsContract {

    @Override
    protected String applicationName() {
        return "tenant-portal";
    }

    @Override
    protected String publicUrl() {
        return "http://localhost:8081";
    }
}
