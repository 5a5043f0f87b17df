package dev.atelier.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.infra.servers.Http;
import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.testing.LoginSession;
import dev.atelier.infra.testing.SmsOutbox;
import dev.atelier.infra.testing.TestServers;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Sign-in through the realm's own login pages, served by the real Keycloak with Atelier's provider jar: password by
 * email or phone, and phone + SMS code with its limits, without ever telling whether a number has an account.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInIT {

    private static final String CLIENT = "signin-it";
    private static final String REDIRECT = "http://localhost:9/callback";
    private static final AtomicInteger numbers = new AtomicInteger();

    private static KeycloakServer keycloak;
    private static SmsOutbox outbox;

    @BeforeAll
    static void client() {
        keycloak = TestServers.keycloak();
        outbox = new SmsOutbox(keycloak.smsOutbox());
        try (Keycloak admin = keycloak.adminClient()) {
            RealmResource realm = admin.realm(RealmSetup.REALM);
            if (realm.clients().findByClientId(CLIENT).isEmpty()) {
                ClientRepresentation client = new ClientRepresentation();
                client.setClientId(CLIENT);
                client.setPublicClient(true);
                client.setStandardFlowEnabled(true);
                client.setDirectAccessGrantsEnabled(false);
                client.setRedirectUris(List.of(REDIRECT));
                client.setAttributes(Map.of("pkce.code.challenge.method", "S256", "atelier.brand.name",
                        "Lotus Nails", "atelier.brand.primary", "#7a1f5c", "atelier.brand.logo",
                        "javascript:alert(1)"));
                try (Response response = realm.clients().create(client)) {
                    CreatedResponseUtil.getCreatedId(response);
                }
            }
        }
    }

    @Test
    void theLoginPageCarriesTheClientsBrandAndNothingUnsafeFromIt() {
        LoginSession login = new LoginSession(issuer(), CLIENT, REDIRECT).open();

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("<title>Lotus Nails</title>", "--atelier-primary: #7a1f5c;",
                "id=\"atelier-send-code\"", "id=\"atelier-register\"");
        assertThat(login.body()).doesNotContain("javascript:alert");
    }

    @Test
    void aPhoneNumberAndTheTextedCodeSignIn() {
        String phone = newPhone();
        String userId = account(phone, null, "unused-password-1");

        LoginSession login = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                .submit("kc-form-login", Map.of("username", spaced(phone), "sendCode", "on"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("id=\"atelier-code-form\"");
        assertThat(outbox.sentTo(phone)).singleElement()
                .satisfies(message -> assertThat(message.text()).startsWith("Lotus Nails: your sign-in code is"));

        login.submit("atelier-code-form", Map.of("code", "000000".equals(outbox.latestCodeFor(phone))
                ? "111111"
                : "000000"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("That code is not right");

        login.submit("atelier-code-form", Map.of("code", outbox.latestCodeFor(phone)));
        assertThat(login.authorizationCode()).isPresent();
        assertThat(subject(login.accessToken())).isEqualTo(userId);
    }

    @Test
    void anUnknownNumberGetsTheSamePageButNoMessageAndNoCodeWorks() {
        String known = newPhone();
        account(known, null, "unused-password-2");
        String unknown = newPhone();

        LoginSession knownLogin = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                .submit("kc-form-login", Map.of("username", known, "sendCode", "on"));
        LoginSession unknownLogin = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                .submit("kc-form-login", Map.of("username", unknown, "sendCode", "on"));

        assertThat(unknownLogin.status()).isEqualTo(knownLogin.status()).isEqualTo(200);
        assertThat(withoutVaryingParts(unknownLogin.body(), unknown))
                .isEqualTo(withoutVaryingParts(knownLogin.body(), known));
        assertThat(outbox.sentTo(unknown)).isEmpty();
        for (String guess : List.of("123456", "000000", outbox.latestCodeFor(known))) {
            unknownLogin.submit("atelier-code-form", Map.of("code", guess));
            assertThat(unknownLogin.authorizationCode()).isEmpty();
        }
    }

    @Test
    void aNumberGetsThreeCodesPerWindowAndTheFourthRequestIsRefused() {
        String phone = newPhone();
        account(phone, null, "unused-password-3");
        for (int i = 0; i < 3; i++) {
            LoginSession login = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                    .submit("kc-form-login", Map.of("username", phone, "sendCode", "on"));
            assertThat(login.body()).contains("id=\"atelier-code-form\"");
        }
        LoginSession fourth = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                .submit("kc-form-login", Map.of("username", phone, "sendCode", "on"));

        assertThat(fourth.body()).contains("Too many codes were requested").doesNotContain("atelier-code-form");
        assertThat(outbox.sentTo(phone)).hasSize(3);
    }

    @Test
    void fiveWrongCodesSpendTheCodeEvenIfTheRightOneFollows() {
        String phone = newPhone();
        account(phone, null, "unused-password-4");
        LoginSession login = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                .submit("kc-form-login", Map.of("username", phone, "sendCode", "on"));
        String right = outbox.latestCodeFor(phone);
        String wrong = right.equals("999999") ? "999998" : "999999";
        for (int i = 0; i < 5; i++) {
            login.submit("atelier-code-form", Map.of("code", wrong));
        }
        assertThat(login.body()).contains("expired or was entered wrongly too often")
                .doesNotContain("atelier-code-form");

        login.submit("kc-form-login", Map.of("username", phone, "password", "", "code", right));
        assertThat(login.authorizationCode()).isEmpty();
    }

    @Test
    void anEmailOrAPhoneNumberWithThePasswordSignIn() {
        String phone = newPhone();
        String email = "signin-" + phone.substring(1) + "@example.test";
        String userId = account(phone, email, "a-long-password-5");

        LoginSession byEmail = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                .submit("kc-form-login", Map.of("username", email, "password", "a-long-password-5", "login", ""));
        assertThat(subject(byEmail.accessToken())).isEqualTo(userId);

        LoginSession byPhone = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                .submit("kc-form-login", Map.of("username", spaced(phone), "password", "a-long-password-5"));
        assertThat(subject(byPhone.accessToken())).isEqualTo(userId);
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountReadTheSame() {
        String phone = newPhone();
        String email = "wrong-" + phone.substring(1) + "@example.test";
        account(phone, email, "a-long-password-6");

        LoginSession wrongPassword = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                .submit("kc-form-login", Map.of("username", email, "password", "not-the-password"));
        LoginSession unknown = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                .submit("kc-form-login", Map.of("username", "nobody-" + email, "password", "not-the-password"));

        assertThat(wrongPassword.authorizationCode()).isEmpty();
        assertThat(unknown.authorizationCode()).isEmpty();
        assertThat(errorText(wrongPassword.body())).isEqualTo(errorText(unknown.body())).isNotBlank();
    }

    @Test
    void registeringWithAPhoneNumberMakesAnAccountThatSignsInByCode() {
        String phone = newPhone();
        LoginSession registration = registrationPage();
        registration.submit("kc-register-form", registrationForm(spaced(phone), ""));
        assertThat(registration.body()).as("spaces are not allowed in user names").contains("input-error-username");
        assertThat(registration.authorizationCode()).isEmpty();

        registration.submit("kc-register-form", registrationForm(phone, ""));
        assertThat(registration.authorizationCode()).as(Http.abbreviate(registration.body())).isPresent();

        LoginSession byCode = new LoginSession(issuer(), CLIENT, REDIRECT).open()
                .submit("kc-form-login", Map.of("username", phone, "sendCode", "on"))
                .submit("atelier-code-form", Map.of("code", outbox.latestCodeFor(phone)));
        assertThat(subject(byCode.accessToken())).isEqualTo(subject(registration.accessToken()));

        LoginSession again = registrationPage();
        again.submit("kc-register-form", registrationForm(phone, ""));
        assertThat(again.authorizationCode()).isEmpty();
        assertThat(again.body()).contains("Username already exists");
    }

    @Test
    void aPhoneNumberAnotherAccountHasCannotRegisterAgain() {
        String phone = newPhone();
        account(phone, "has-phone-" + phone.substring(1) + "@example.test", "a-long-password-8");

        LoginSession registration = registrationPage();
        registration.submit("kc-register-form", registrationForm(phone, ""));

        assertThat(registration.authorizationCode()).isEmpty();
        assertThat(registration.body()).contains("An account already has this phone number");
    }

    @Test
    void registeringWithNeitherEmailNorPhoneIsRefused() {
        LoginSession registration = registrationPage();
        registration.submit("kc-register-form", registrationForm("no-contact-" + numbers.incrementAndGet(), ""));

        assertThat(registration.authorizationCode()).isEmpty();
        assertThat(registration.body()).contains("Give an email, or use your phone number");
    }

    /**
     * Keycloak's own registration page keeps the platform's limit of 20 new accounts per client address a minute:
     * every attempt counts, a refused one says so and makes no account. Runs last: it uses up this address's window.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void registrationsFromOneAddressAreLimitedLikeEveryOtherWayToMakeAnAccount() throws InterruptedException {
        long second = java.time.Instant.now().getEpochSecond() % 60;
        if (second > 35) {
            Thread.sleep((61 - second) * 1000);
        }
        RealmResource realm = keycloak.adminClient().realm(RealmSetup.REALM);
        int made = 0;
        String refused = null;
        for (int attempt = 0; attempt < 22 && refused == null; attempt++) {
            String email = "flood-" + attempt + "-" + numbers.incrementAndGet() + "@register.test";
            LoginSession registration = registrationPage();
            registration.submit("kc-register-form", registrationForm(email, email));
            if (registration.authorizationCode().isPresent()) {
                made++;
            } else {
                assertThat(registration.body()).as(Http.abbreviate(registration.body()))
                        .contains("Too many new accounts from your network");
                refused = email;
            }
        }
        assertThat(refused).as("refused within 21 attempts").isNotNull();
        assertThat(made).isLessThanOrEqualTo(20);
        assertThat(realm.users().searchByEmail(refused, true)).as("no account for a refused registration").isEmpty();
    }

    private static LoginSession registrationPage() {
        LoginSession login = new LoginSession(issuer(), CLIENT, REDIRECT).open();
        String register = java.util.regex.Pattern.compile("id=\"atelier-register\" href=\"([^\"]+)\"")
                .matcher(login.body()).results().findFirst().orElseThrow().group(1);
        return login.get(register);
    }

    private static Map<String, String> registrationForm(String username, String email) {
        return Map.of("username", username, "email", email, "firstName", "New Customer", "lastName", "",
                "password", "a-long-password-7", "password-confirm", "a-long-password-7");
    }

    private static String issuer() {
        return keycloak.issuerUri(RealmSetup.REALM);
    }

    /** A number no other test uses. */
    private static String newPhone() {
        return "+8613" + String.format("%09d", (ProcessHandle.current().pid() % 1000) * 100_000
                + System.currentTimeMillis() % 1000 * 100 + numbers.incrementAndGet());
    }

    /** {@code +8613812345678} as a person might type it: {@code +86 138 1234 5678}. */
    private static String spaced(String phone) {
        return phone.substring(0, 3) + " " + phone.substring(3, 6) + " " + phone.substring(6, 10) + " "
                + phone.substring(10);
    }

    private static String account(String phone, String email, String password) {
        try (Keycloak admin = keycloak.adminClient()) {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email != null ? email : phone);
            user.setEmail(email);
            user.setEmailVerified(email != null);
            user.setFirstName("Signin Test");
            user.setEnabled(true);
            user.setAttributes(Map.of("phoneNumber", List.of(phone)));
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            user.setCredentials(List.of(credential));
            try (Response response = admin.realm(RealmSetup.REALM).users().create(user)) {
                return CreatedResponseUtil.getCreatedId(response);
            }
        }
    }

    private static String subject(String accessToken) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                StandardCharsets.UTF_8);
        JsonNode claims = Http.json(payload);
        return claims.path("sub").asText();
    }

    /** The page without what differs between any two requests: the number shown, URLs (they carry session ids). */
    private static String withoutVaryingParts(String html, String phone) {
        return html.replace(phone.substring(phone.length() - 4), "NNNN")
                .replaceAll("(action|href|src)=\"[^\"]*\"", "$1=\"…\"")
                .replaceAll("history\\.replaceState\\([^)]*\\)", "history.replaceState(…)");
    }

    private static String errorText(String html) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("id=\"input-error\"[^>]*>([^<]*)<").matcher(html);
        return matcher.find() ? matcher.group(1).strip() : "";
    }
}
