package dev.atelier.billing;

import dev.atelier.platform.testing.OperationalEndpointsContract;
import org.springframework.boot.test.context.SpringBootTest;

/** The billing app starts against real PostgreSQL and answers health on its port, Prometheus scrapes on its management port. */
@SpringBootTest(classes = BillingApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationalEndpointsIT extends OperationalEndpointsContract {

    @Override
    protected String applicationName() {
        return "billing";
    }

    @Override
    protected String publicUrl() {
        return "http://localhost:8083";
    }
}
