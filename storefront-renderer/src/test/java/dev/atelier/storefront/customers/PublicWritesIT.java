package dev.atelier.storefront.customers;

import dev.atelier.platform.tenancy.TenantProvisioning;
import dev.atelier.platform.testing.PublicWritesContract;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.storefront.StorefrontApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Customer registration is limited per client before its body is read, and capped in size (issue 16, finding 7). */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicWritesIT extends PublicWritesContract {

    private static final String SLUG = "limited-writes";

    @Autowired
    TenantProvisioning provisioning;

    /** The contract has one test, so this runs once. */
    @BeforeEach
    void chain() {
        provisioning.create(Tenants.shanghai(SLUG));
    }

    @Override
    protected String host() {
        return SLUG + ".localhost";
    }

    @Override
    protected String path() {
        return "/api/v1/customers";
    }

    @Override
    protected String validBody() {
        return """
                {"name":"Wang Fang","email":"wang@limited.test","password":"a-long-password"}""";
    }
}
