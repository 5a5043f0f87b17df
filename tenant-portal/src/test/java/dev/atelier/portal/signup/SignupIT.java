package dev.atelier.portal.signup;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.internal.TenantRegistry;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.TcpProxy;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.portal.TenantPortalApplication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/signup} against real PostgreSQL and Keycloak: a valid chain gets its tenant, organization and
 * owner; bad input gets a clear 400; with Keycloak unreachable, 503 and nothing half-made, and a retry succeeds.
 */
@SpringBootTest(classes = TenantPortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignupIT {

    static final TestCells CELLS = TestCells.create("signup");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final TcpProxy KEYCLOAK_PROXY = new TcpProxy(URI.create(KEYCLOAK.baseUrl()));

    @DynamicPropertySource
    static void cells(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK, KEYCLOAK_PROXY::url);
    }

    @AfterEach
    void keycloakIsBack() {
        KEYCLOAK_PROXY.start();
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantRegistry registry;

    @Test
    void aValidSignupCreatesTheTenantItsOrganizationAndItsOwner() throws Exception {
        Http.Response response = post(body("aurora-signup", "CN", "CNY", "Asia/Shanghai", "zh-CN",
                "li.na@aurora-signup.test"));

        assertThat(response.status()).isEqualTo(201);
        JsonNode created = response.json();
        assertThat(created.get("slug").asString()).isEqualTo("aurora-signup");
        assertThat(created.get("storefrontUrl").asString()).isEqualTo("http://aurora-signup.localhost:8080");
        Tenant tenant = registry.findBySlug(Slug.of("aurora-signup")).orElseThrow();
        assertThat(tenant.id().toString()).isEqualTo(created.get("tenantId").asString());
        assertThat(tenant.placement().organizationId()).isNotBlank();

        String token = KEYCLOAK.accessToken("atelier", "atelier-dev", "li.na@aurora-signup.test", "a-long-password",
                "openid organization");
        assertThat(payload(token).get("organization").toString()).contains("aurora-signup");
        assertThat(ownerRows(tenant)).containsExactly("li.na@aurora-signup.test OWNER ACTIVE");
        ClientRepresentation storefront = KEYCLOAK.adminClient().realm("atelier").clients()
                .findByClientId("storefront-aurora-signup").getFirst();
        assertThat(storefront.isPublicClient()).isTrue();
        assertThat(storefront.isDirectAccessGrantsEnabled()).isFalse();
        assertThat(storefront.getRedirectUris()).containsExactly("http://aurora-signup.localhost:8080/*");
        assertThat(storefront.getAttributes()).containsEntry("pkce.code.challenge.method", "S256")
                .containsEntry("atelier.brand.name", "Aurora Hair").containsKey("atelier.brand.primary");
    }

    @Test
    void aFailureAfterTheStorefrontClientExistsUndoesItToo() throws Exception {
        UserRepresentation squatter = new UserRepresentation();
        squatter.setUsername("owner@late-failure.test");
        squatter.setEmail("someone-else@late-failure.test");
        squatter.setEnabled(true);
        KEYCLOAK.adminClient().realm("atelier").users().create(squatter).close();
        int schemasBefore = schemas();

        Http.Response failed = post(body("late-failure", "GB", "GBP", "Europe/London", "en-GB",
                "owner@late-failure.test"));

        assertProblem(failed, 409, "account-exists");
        assertThat(registry.findBySlug(Slug.of("late-failure"))).isEmpty();
        assertThat(schemas()).isEqualTo(schemasBefore);
        assertThat(KEYCLOAK.adminClient().realm("atelier").organizations().search("late-failure")).isEmpty();
        assertThat(KEYCLOAK.adminClient().realm("atelier").clients().findByClientId("storefront-late-failure"))
                .isEmpty();
    }

    @Test
    void aTakenSlugIs409() {
        assertThat(post(body("taken-twice", "GB", "GBP", "Europe/London", "en-GB", "first@taken.test")).status())
                .isEqualTo(201);

        Http.Response again = post(body("taken-twice", "GB", "GBP", "Europe/London", "en-GB", "second@taken.test"));

        assertProblem(again, 409, "slug-taken");
        assertThat(KEYCLOAK.adminClient().realm("atelier").users().searchByEmail("second@taken.test", true))
                .isEmpty();
    }

    @Test
    void aTakenOwnerEmailIs409AndCreatesNothing() throws Exception {
        assertThat(post(body("email-first", "GB", "GBP", "Europe/London", "en-GB", "same@owner.test")).status())
                .isEqualTo(201);
        int schemasBefore = schemas();

        Http.Response again = post(body("email-second", "GB", "GBP", "Europe/London", "en-GB", "same@owner.test"));

        assertProblem(again, 409, "account-exists");
        assertThat(registry.findBySlug(Slug.of("email-second"))).isEmpty();
        assertThat(schemas()).isEqualTo(schemasBefore);
    }

    @Test
    void withKeycloakDownSignupIs503LeavesNothingBehindAndTheSameSignupSucceedsLater() throws Exception {
        int schemasBefore = schemas();
        String signup = body("while-down", "CN", "CNY", "Asia/Shanghai", "zh-CN", "owner@while-down.test");
        KEYCLOAK_PROXY.stop();

        Http.Response refused = post(signup);

        assertProblem(refused, 503, "identity-unavailable");
        assertThat(registry.findBySlug(Slug.of("while-down"))).isEmpty();
        assertThat(schemas()).isEqualTo(schemasBefore);
        assertThat(KEYCLOAK.adminClient().realm("atelier").organizations().search("while-down")).isEmpty();
        assertThat(KEYCLOAK.adminClient().realm("atelier").users().searchByEmail("owner@while-down.test", true))
                .isEmpty();

        KEYCLOAK_PROXY.start();
        Http.Response retried = post(signup);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(schemas()).isEqualTo(schemasBefore + 1);
    }

    @Test
    void aFailureAtTheIdentityServerAfterTheTenantExistsUndoesIt() throws Exception {
        int schemasBefore = schemas();
        String signup = body("half-way", "CN", "CNY", "Asia/Shanghai", "zh-CN", "owner@half-way.test");
        KEYCLOAK.adminClient().realm("atelier").organizations().create(organization("half-way")).close();

        Http.Response failed = post(signup);

        assertThat(failed.status()).as("the organization alias is taken in Keycloak").isEqualTo(503);
        assertThat(registry.findBySlug(Slug.of("half-way"))).isEmpty();
        assertThat(schemas()).isEqualTo(schemasBefore);
        assertThat(KEYCLOAK.adminClient().realm("atelier").users().searchByEmail("owner@half-way.test", true))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "a-slug-that-is-far-too-long-for-any-salon-chain", "Aurora", "au_rora", "-edge",
            "edge-", "www", "api", "admin", "sp ace", "点"})
    void aBadSlugIsAClear400AndCreatesNothing(String slug) throws Exception {
        int schemasBefore = schemas();

        Http.Response response = post(body(slug, "CN", "CNY", "Asia/Shanghai", "zh-CN"));

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactly("slug");
        assertThat(schemas()).isEqualTo(schemasBefore);
    }

    @Test
    void everyInvalidFieldIsNamed() {
        Http.Response response = post(body("fine-slug", "XX", "yen", "Mars/Olympus", "!!"));

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactlyInAnyOrder("country", "currency", "timezone", "locale");
        assertThat(registry.findBySlug(Slug.of("fine-slug"))).isEmpty();
    }

    @Test
    void missingOwnerFieldsAreNamed() {
        Http.Response response = post("""
                {"chainName":"Aurora","slug":"no-owner","country":"CN","currency":"CNY","timezone":"Asia/Shanghai",
                 "locale":"zh-CN","owner":{"name":"","email":"not-an-email","password":"short"}}
                """);

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactlyInAnyOrder("owner.name", "owner.email", "owner.password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "null", "{\"slug\": 42, \"owner\": \"me\"}", "not json at all",
            "{\"chainName\": [\"a\"]}"})
    void malformedBodiesAre400ProblemsNeverServerErrors(String body) {
        Http.Response response = post(body);

        assertProblem(response, 400, "malformed-request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-Hans-CN-u-ca-chinese-co-pinyin-nu-hanidec", "en-x-twelve-chars-private", "zh_CN",
            "EN", "en-gb"})
    void unusualLocaleTagsAreRefusedNotStored(String locale) throws Exception {
        int schemasBefore = CELLS.tenantSchemaCount();

        Http.Response response = post(body("odd-locale", "CN", "CNY", "Asia/Shanghai", locale));

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactly("locale");
        assertThat(CELLS.tenantSchemaCount()).isEqualTo(schemasBefore);
    }

    @Test
    void controlCharactersInNamesAreRefused() {
        Http.Response response = post("""
                {"chainName":"Aurora\\u0001Hair","slug":"control-chars","country":"CN","currency":"CNY",
                 "timezone":"Asia/Shanghai","locale":"zh-CN",
                 "owner":{"name":"Li\\u0007Na","email":"owner@control.test","password":"a-long-password"}}
                """);

        assertProblem(response, 400, "validation");
        assertThat(fields(response)).containsExactlyInAnyOrder("chainName", "owner.name");
        // NUL cannot even be stored: the body is malformed, and the field is named
        Http.Response nul = post("""
                {"chainName":"Aurora\\u0000Hair","slug":"control-chars","country":"CN","currency":"CNY",
                 "timezone":"Asia/Shanghai","locale":"zh-CN",
                 "owner":{"name":"Li Na","email":"owner@control.test","password":"a-long-password"}}
                """);
        assertProblem(nul, 400, "malformed-request");
        assertThat(fields(nul)).containsExactly("chainName");
        assertThat(registry.findBySlug(Slug.of("control-chars"))).isEmpty();
    }

    private Http.Response post(String json) {
        return new Http(port).post("localhost", "/api/v1/signup", json);
    }

    private static String body(String slug, String country, String currency, String zone, String locale) {
        return body(slug, country, currency, zone, locale, "owner@" + Integer.toHexString(slug.hashCode()) + ".test");
    }

    private static String body(String slug, String country, String currency, String zone, String locale,
            String ownerEmail) {
        return """
                {"chainName":"Aurora Hair","slug":"%s","country":"%s","currency":"%s","timezone":"%s","locale":"%s",
                 "owner":{"name":"Li Na","email":"%s","password":"a-long-password"}}
                """.formatted(slug, country, currency, zone, locale, ownerEmail);
    }

    private static OrganizationRepresentation organization(String alias) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setAlias(alias);
        organization.setName(alias);
        return organization;
    }

    private static JsonNode payload(String jwt) {
        return JsonMapper.builder().build()
                .readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static List<String> ownerRows(Tenant tenant) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = TestCells.connect(CELLS.database(tenant.placement().cell()));
                ResultSet rs = connection.createStatement()
                        .executeQuery("select email || ' ' || role || ' ' || status from "
                                + tenant.placement().schema().quoted() + ".staff_membership")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static int schemas() throws Exception {
        return CELLS.tenantSchemaCount();
    }
}
