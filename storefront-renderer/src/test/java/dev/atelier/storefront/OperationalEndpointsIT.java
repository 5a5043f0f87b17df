package dev.atelier.storefront;

import dev.atelier.platform.testing.OperationalEndpointsContract;
import org.springframework.boot.test.context.SpringBootTest;

/** The storefront-renderer app starts against real PostgreSQL and answers health on its port, Prometheus scrapes on its management port. */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationalEndpointsIT extends OperationalEndpointsContract {

    @Override
    protected String applicationName() {
        return "storefront-renderer";
    }

    @Override
    protected String publicUrl() {
        return "http://localhost:8080";
    }
}
