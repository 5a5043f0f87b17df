package dev.atelier.portal.signup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.internal.TenantRegistry;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.portal.TenantPortalApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/signup}: a valid chain gets a tenant; bad input gets a clear 400 and creates nothing. */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignupIT {

    static final TestCells CELLS = TestCells.create("signup");

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantRegistry registry;

    @Test
    void aValidSignupCreatesATrialTenantWithItsStorefrontUrl() {
        Http.Response response = post(body("aurora-signup", "CN", "CNY", "Asia/Shanghai", "zh-CN"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode created = response.json();
        assertThat(created.get("slug").asString()).isEqualTo("aurora-signup");
        assertThat(created.get("storefrontUrl").asString()).isEqualTo("http://aurora-signup.localhost:8080");
        assertThat(registry.findBySlug(Slug.of("aurora-signup")).orElseThrow().id().toString())
                .isEqualTo(created.get("tenantId").asString());
    }

    @Test
    void aTakenSlugIs409() {
        assertThat(post(body("taken-twice", "GB", "GBP", "Europe/London", "en-GB")).status()).isEqualTo(201);

        Http.Response again = post(body("taken-twice", "GB", "GBP", "Europe/London", "en-GB"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "a-slug-that-is-far-too-long-for-any-salon-chain", "Aurora", "au_rora", "-edge",
            "edge-", "www", "api", "admin", "sp ace", "点"})
    void aBadSlugIsAClear400AndCreatesNothing(String slug) throws Exception {
        int schemasBefore = schemas();

        Http.Response response = post(body(slug, "CN", "CNY", "Asia/Shanghai", "zh-CN"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(fields(response)).containsExactly("slug");
        assertThat(schemas()).isEqualTo(schemasBefore);
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Http.Response response = post(body("fine-slug", "XX", "yen", "Mars/Olympus", "!!"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("country", "currency", "timezone", "locale");
        assertThat(registry.findBySlug(Slug.of("fine-slug"))).isEmpty();
    }

    @Test
    void missingOwnerFieldsAreNamed() {
        Http.Response response = post("""
                {"chainName":"Aurora","slug":"no-owner","country":"CN","currency":"CNY","timezone":"Asia/Shanghai",
                 "locale":"zh-CN","owner":{"name":"","email":"not-an-email","password":"short"}}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("owner.name", "owner.email", "owner.password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "null", "{\"slug\": 42, \"owner\": \"me\"}", "not json at all",
            "{\"chainName\": [\"a\"]}"})
    void malformedBodiesAre400ProblemsNeverServerErrors(String body) {
        Http.Response response = post(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.atelier");
    }

    private Http.Response post(String json) {
        return new Http(port).post("localhost", "/api/v1/signup", json);
    }

    private static String body(String slug, String country, String currency, String zone, String locale) {
        return """
                {"chainName":"Aurora Hair","slug":"%s","country":"%s","currency":"%s","timezone":"%s","locale":"%s",
                 "owner":{"name":"Li Na","email":"owner@aurora.test","password":"a-long-password"}}
                """.formatted(slug, country, currency, zone, locale);
    }

    private static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static int schemas() throws Exception {
        return TestCells.tenantSchemas(CELLS.cellA()).size() + TestCells.tenantSchemas(CELLS.cellB()).size();
    }
}
