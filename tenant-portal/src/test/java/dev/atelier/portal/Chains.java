package dev.atelier.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.platform.testing.Http;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import tools.jackson.databind.JsonNode;

/**
 * Test chains and people on a running portal and the real Keycloak: signs chains up, adds staff, makes plain
 * accounts and test clients, and fetches tokens through the {@code atelier-dev} password grant.
 */
public final class Chains {

    public static final String PASSWORD = "a-long-password";
    public static final String SCOPE = "openid organization";

    private final Http http;
    private final KeycloakServer keycloak;

    public Chains(Http http, KeycloakServer keycloak) {
        this.http = http;
        this.keycloak = keycloak;
    }

    /** Signs a chain up; returns its owner's email. */
    public String signUp(String slug) {
        String owner = "owner@" + slug + ".test";
        Http.Response response = http.post("localhost", "/api/v1/signup", """
                {"chainName":"Chain %s","slug":"%s","country":"GB","currency":"GBP","timezone":"Europe/London",
                 "locale":"en-GB","owner":{"name":"Owner %s","email":"%s","password":"%s"}}
                """.formatted(slug, slug, slug, owner, PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return owner;
    }

    public String token(String username) {
        return keycloak.accessToken("atelier", "atelier-dev", username, PASSWORD, SCOPE);
    }

    public Http.Response call(String method, String path, String token, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return token == null
                ? http.send(method, "localhost", path, json, headers)
                : http.send(method, "localhost", path, json, all);
    }

    /** Adds a staff member with {@code role} as {@code ownerToken}'s owner; returns the new member's id. */
    public String addStaff(String ownerToken, String email, String role, String... locationIds) {
        Http.Response response = call("POST", "/api/v1/staff", ownerToken, """
                {"name":"%s","email":"%s","role":"%s","locationIds":[%s],"password":"%s"}
                """.formatted(email, email, role, quoted(locationIds), PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    /** Adds a 30-minute service; returns its id. */
    public String addService(String token, String name) {
        Http.Response response = call("POST", "/api/v1/services", token, service(name));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    public static String service(String name) {
        return """
                {"name":"%s","category":"Cuts","durationMinutes":30,"bufferAfterMinutes":5,
                 "price":{"amount":25.00,"currency":"GBP"},"onlineBookable":true}
                """.formatted(name);
    }

    public String addLocation(String token, String name) {
        Http.Response response = call("POST", "/api/v1/locations", token, location(name));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    public static String location(String name) {
        return """
                {"name":"%s","address":{"line1":"1 High Street","city":"London","region":"","postalCode":"W1 1AA",
                 "country":"GB"},"latitude":51.5,"longitude":-0.14,"timezone":"Europe/London","phone":"+44 20 7946 0000",
                 "openingHours":[{"day":"MONDAY","opens":"09:00","closes":"18:00"}]}
                """
                .formatted(name);
    }

    /**
     * Adds a salon in {@code zone} open every day from 00:00 to 23:59, so that any time of any day may be booked;
     * returns its id.
     */
    public String addAllDaySalon(String token, String name, java.time.ZoneId zone) {
        String days = java.util.stream.Stream.of(java.time.DayOfWeek.values())
                .map(day -> "{\"day\":\"%s\",\"opens\":\"00:00\",\"closes\":\"23:59\"}".formatted(day))
                .collect(java.util.stream.Collectors.joining(","));
        Http.Response created = call("POST", "/api/v1/locations", token, """
                {"name":"%s","address":{"line1":"1 High Street","city":"Town","region":"","postalCode":"1",
                 "country":"GB"},"latitude":51.5,"longitude":-0.14,"timezone":"%s","phone":"+44 20 7946 0000",
                 "openingHours":[%s]}""".formatted(name, zone.getId(), days));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Gives {@code staff} the services {@code serviceIds} and a rota at {@code location} of every day, all day. */
    public void worksAllDay(String token, String staff, String location, String... serviceIds) {
        Http.Response services = call("PATCH", "/api/v1/staff/" + staff, token, "{\"serviceIds\":[" + quoted(
                serviceIds) + "]}");
        assertThat(services.status()).as(services.body()).isEqualTo(200);
        String week = java.util.stream.Stream.of(java.time.DayOfWeek.values())
                .map(day -> "{\"day\":\"%s\",\"start\":\"00:00\",\"end\":\"23:59\"}".formatted(day))
                .collect(java.util.stream.Collectors.joining(","));
        Http.Response schedule = call("PUT", "/api/v1/staff/" + staff + "/schedule", token, """
                {"locationId":"%s","weekly":[%s]}""".formatted(location, week));
        assertThat(schedule.status()).as(schedule.body()).isEqualTo(200);
    }

    /** A platform account that is nobody's staff (a customer). */
    public void plainAccount(String email) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName("Customer");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (Response response = keycloak.adminClient().realm("atelier").users().create(user)) {
            CreatedResponseUtil.getCreatedId(response);
        }
    }

    /**
     * A public password-grant client in the atelier realm; {@code withAudience} adds the Atelier API audience,
     * {@code lifespanSeconds} (when not null) shortens its access tokens.
     */
    public void testClient(String clientId, boolean withAudience, Integer lifespanSeconds) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        if (lifespanSeconds != null) {
            client.setAttributes(Map.of("access.token.lifespan", lifespanSeconds.toString()));
        }
        if (withAudience) {
            ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
            audience.setName("audience");
            audience.setProtocol("openid-connect");
            audience.setProtocolMapper("oidc-audience-mapper");
            audience.setConfig(Map.of("included.custom.audience", "atelier-api", "access.token.claim", "true"));
            client.setProtocolMappers(List.of(audience));
        }
        RealmResource realm = keycloak.adminClient().realm("atelier");
        String id;
        try (Response response = realm.clients().create(client)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        String organizationScope = realm.clientScopes().findAll().stream()
                .filter(scope -> scope.getName().equals("organization"))
                .findFirst().orElseThrow().getId();
        realm.clients().get(id).addOptionalClientScope(organizationScope);
    }

    public String tokenFrom(String clientId, String username) {
        return keycloak.accessToken("atelier", clientId, username, PASSWORD, SCOPE);
    }

    public static String quoted(String... ids) {
        return String.join(",", java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"").toList());
    }

    public static List<String> ids(JsonNode array) {
        return array.valueStream().map(node -> node.get("id").asString()).toList();
    }
}
