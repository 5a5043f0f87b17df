package dev.atelier.search;

import dev.atelier.platform.testing.OperationalEndpointsContract;
import org.springframework.boot.test.context.SpringBootTest;

/** The search-indexer app starts against real PostgreSQL and answers health on its port, Prometheus scrapes on its management port. */
@SpringBootTest(classes = SearchIndexerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationalEndpointsIT extends OperationalEndpointsContract {

    @Override
    protected String applicationName() {
        return "search-indexer";
    }

    @Override
    protected String publicUrl() {
        return "http://localhost:8082";
    }
}
