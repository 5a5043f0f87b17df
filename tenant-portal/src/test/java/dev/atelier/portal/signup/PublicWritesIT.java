package dev.atelier.portal.signup;

import dev.atelier.platform.testing.PublicWritesContract;
import dev.atelier.portal.TenantPortalApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** Signup is limited per client before its body is read, and capped in size (issue 16, finding 7). */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicWritesIT extends PublicWritesContract {

    @Override
    protected String host() {
        return "localhost";
    }

    @Override
    protected String path() {
        return "/api/v1/signup";
    }

    @Override
    protected String validBody() {
        return """
                {"chainName":"Limited Hair","slug":"limited","country":"CN","currency":"CNY",
                 "timezone":"Asia/Shanghai","locale":"zh-CN",
                 "owner":{"name":"Li Na","email":"owner@limited.test","password":"a-long-password"}}""";
    }
}
