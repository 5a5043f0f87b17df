package dev.atelier.portal;

import dev.atelier.platform.testing.OperationalEndpointsContract;
import org.springframework.boot.test.context.SpringBootTest;

/** The tenant-portal app starts against real PostgreSQL and answers health and Prometheus scrapes. */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationalEndpointsIT extends OperationalEndpointsContract {

    @Override
    protected String applicationName() {
        return "tenant-portal";
    }
}
