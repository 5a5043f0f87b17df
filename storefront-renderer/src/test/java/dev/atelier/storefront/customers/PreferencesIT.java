package dev.atelier.storefront.customers;

import static dev.atelier.platform.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.TestServers;
import dev.atelier.platform.identity.Account;
import dev.atelier.platform.onboarding.TenantSignup;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.testing.Http;
import dev.atelier.platform.testing.Tenants;
import dev.atelier.platform.testing.TestCells;
import dev.atelier.platform.testing.TestIdentity;
import dev.atelier.storefront.StorefrontApplication;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A customer's notification preferences through the real parts: until they choose, email and SMS without
 * promotions; what they choose is kept at that chain only, with the moment they agreed to promotions; bad choices are
 * 400 problems naming the field and change nothing already kept.
 */
@SpringBootTest(classes = StorefrontApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreferencesIT {

    static final TestCells CELLS = TestCells.create("preferences");
    static final KeycloakServer KEYCLOAK = TestServers.keycloak();
    static final String PASSWORD = "a-long-password";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        CELLS.register(registry, 4);
        TestIdentity.register(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantSignup signup;

    Http http;
    Tenant shopA;
    Tenant shopB;
    String token;

    @BeforeAll
    void shops() {
        http = new Http(port);
        shopA = signup.signUp(Tenants.london("prefs-a"), new Account("owner@prefs-a.test", "Owner A", PASSWORD));
        shopB = signup.signUp(Tenants.shanghai("prefs-b"), new Account("owner@prefs-b.test", "Owner B", PASSWORD));
        Http.Response registered = http.post("prefs-a.localhost", "/api/v1/customers", """
                {"name":"Grace Hopper","email":"grace@prefs.test","password":"%s"}""".formatted(PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        token = KEYCLOAK.accessToken("atelier", "atelier-dev", "grace@prefs.test", PASSWORD, "openid");
    }

    @Test
    void untilChosenEmailAndSmsThenWhatTheyChooseAtThisChainOnly() throws Exception {
        JsonNode before = get("prefs-a").json();
        assertThat(before.get("channels").valueStream().map(JsonNode::asString)).containsExactly("email", "sms");
        assertThat(before.get("marketing").asBoolean()).isFalse();
        assertThat(before.get("quietHours").isNull()).isTrue();

        Http.Response chosen = put("prefs-a", """
                {"channels":["wechat","email","wechat"],"marketing":true,
                 "quietHours":{"from":"22:30","to":"07:15","timezone":"Europe/London"}}""");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        JsonNode kept = get("prefs-a").json();
        assertThat(kept.get("channels").valueStream().map(JsonNode::asString)).containsExactly("email", "wechat");
        assertThat(kept.get("marketing").asBoolean()).isTrue();
        assertThat(kept.get("quietHours").get("from").asString()).isEqualTo("22:30");
        assertThat(kept.get("quietHours").get("to").asString()).isEqualTo("07:15");
        assertThat(kept.get("quietHours").get("timezone").asString()).isEqualTo("Europe/London");
        String agreed = CELLS.column(shopA, "select marketing_agreed_at::text from customer_preferences")
                .getFirst();
        assertThat(agreed).isNotNull();

        // agreeing again keeps the first moment; withdrawing forgets it
        assertThat(put("prefs-a", """
                {"channels":["email"],"marketing":true}""").status()).isEqualTo(200);
        assertThat(CELLS.column(shopA, "select marketing_agreed_at::text from customer_preferences"))
                .containsExactly(agreed);
        assertThat(get("prefs-a").json().get("quietHours").isNull()).as("quiet hours off").isTrue();
        assertThat(put("prefs-a", """
                {"channels":[],"marketing":false}""").status()).isEqualTo(200);
        assertThat(CELLS.column(shopA, "select coalesce(marketing_agreed_at::text, 'none') from customer_preferences"))
                .containsExactly("none");
        assertThat(get("prefs-a").json().get("channels").size()).as("no channel is a choice too").isZero();

        JsonNode elsewhere = get("prefs-b").json();
        assertThat(elsewhere.get("channels").valueStream().map(JsonNode::asString)).containsExactly("email", "sms");
        assertThat(CELLS.column(shopB, "select count(*) from customer_preferences")).containsExactly("0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"channels\":[\"fax\"],\"marketing\":false}|channels[0]",
            "{\"channels\":[\"EMAIL\"],\"marketing\":false}|channels[0]",
            "{\"channels\":[null],\"marketing\":false}|channels[0]",
            "{\"marketing\":false}|channels",
            "{\"channels\":[\"email\"]}|marketing",
            "{\"channels\":[\"email\",\"sms\",\"wechat\",\"email\"],\"marketing\":false}|channels",
            "{\"channels\":[\"email\"],\"marketing\":false,\"quietHours\":{\"from\":\"25:00\",\"to\":\"07:00\",\"timezone\":\"UTC\"}}|quietHours.from",
            "{\"channels\":[\"email\"],\"marketing\":false,\"quietHours\":{\"from\":\"22:00\",\"to\":\"7am\",\"timezone\":\"UTC\"}}|quietHours.to",
            "{\"channels\":[\"email\"],\"marketing\":false,\"quietHours\":{\"from\":\"22:00\",\"to\":\"22:00\",\"timezone\":\"UTC\"}}|quietHours.to",
            "{\"channels\":[\"email\"],\"marketing\":false,\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\",\"timezone\":\"Mars/Olympus\"}}|quietHours.timezone",
            "{\"channels\":[\"email\"],\"marketing\":false,\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\"}}|quietHours.timezone"})
    void badChoicesAre400NamingTheFieldAndKeepWhatWasChosen(String body, String field) {
        assertThat(put("prefs-b", """
                {"channels":["sms"],"marketing":false}""").status()).isEqualTo(200);
        JsonNode problem = assertProblem(put("prefs-b", body), 400, "validation");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString())).contains(field);
        assertThat(get("prefs-b").json().get("channels").valueStream().map(JsonNode::asString))
                .containsExactly("sms");
    }

    @Test
    void brokenBodiesAre400AndStrangersAre401() {
        for (String broken : List.of("{", "[]", "null", "{\"channels\":\"email\",\"marketing\":false}",
                "{\"channels\":[\"email\"],\"marketing\":\"maybe\"}",
                "{\"channels\":[\"email\"],\"marketing\":false,\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:00\","
                        + "\"timezone\":\"Europe/\\u0000London\"}}")) {
            Http.Response response = put("prefs-a", broken);
            assertThat(response.status()).as(broken).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
        }
        assertProblem(put("prefs-a", "{\"channels\":[\"" + "x".repeat(70_000) + "\"],\"marketing\":false}"), 413,
                "body-too-large");
        assertThat(http.get("prefs-a.localhost", "/api/v1/me/preferences").status()).isEqualTo(401);
        assertThat(http.send("PUT", "prefs-a.localhost", "/api/v1/me/preferences", """
                {"channels":["email"],"marketing":true}""").status()).isEqualTo(401);
    }

    private Http.Response get(String slug) {
        Http.Response response = http.send("GET", slug + ".localhost", "/api/v1/me/preferences", null,
                "Authorization", "Bearer " + token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private Http.Response put(String slug, String body) {
        return http.send("PUT", slug + ".localhost", "/api/v1/me/preferences", body, "Authorization",
                "Bearer " + token);
    }
}
