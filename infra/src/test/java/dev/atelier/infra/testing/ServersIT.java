package dev.atelier.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.infra.keycloak.RealmSetup;
import dev.atelier.infra.servers.ElasticsearchServer;
import dev.atelier.infra.servers.Http;
import dev.atelier.infra.servers.KeycloakServer;
import dev.atelier.infra.servers.PostgresServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/** The servers from {@link TestServers} are real: each answers as the product it claims to be. */
class ServersIT {

    @Test
    void postgresIsVersion17WithContribExtensionsInBothCells() throws Exception {
        PostgresServer postgres = TestServers.postgres();

        for (String cell : List.of(TestServers.CELL_A, TestServers.CELL_B)) {
            try (Connection connection = postgres.connect(cell); Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("select version(), current_database()")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).startsWith("PostgreSQL 17.");
                    assertThat(rs.getString(2)).isEqualTo(cell);
                }
                statement.execute("create extension if not exists btree_gist");
                // what btree_gist is for: no two overlapping bookings of one stylist
                statement.execute("create table booking (staff_id int, during tstzrange,"
                        + " exclude using gist (staff_id with =, during with &&))");
                statement.execute("insert into booking values (1, '[2026-12-01 09:00+08, 2026-12-01 10:00+08)')");
                try (ResultSet rs = statement
                        .executeQuery("select count(*) from pg_extension where extname = 'btree_gist'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        }
        assertThat(postgres.jdbcUrl("x")).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/x");

        // the same server seen as an external one (what atelier.test.postgres.url gives)
        PostgresServer external = PostgresServer.external(postgres.jdbcUrl("postgres"), "postgres", "");
        external.createDatabaseIfMissing("servers_it");
        external.createDatabaseIfMissing("servers_it");
        try (Connection connection = postgres.connect("servers_it");
                ResultSet rs = connection.createStatement().executeQuery("select current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("servers_it");
        }
        external.close();
        assertThat(postgres.connect("postgres").isValid(5)).isTrue();
    }

    @Test
    void keycloakHasTheAtelierRealmAndIssuesPlatformAdminTokens() {
        KeycloakServer keycloak = TestServers.keycloak();

        try (Keycloak admin = keycloak.adminClient()) {
            RealmResource realm = admin.realm(RealmSetup.REALM);
            RealmRepresentation representation = realm.toRepresentation();
            assertThat(representation.isEnabled()).isTrue();
            assertThat(representation.isOrganizationsEnabled()).isTrue();
            assertThat(representation.getAccessTokenLifespan()).isEqualTo(300);
            ClientRepresentation client = realm.clients().findByClientId(RealmSetup.DEV_CLIENT_ID).getFirst();
            assertThat(client.isPublicClient()).isTrue();
            assertThat(client.isDirectAccessGrantsEnabled()).isTrue();
            assertThat(realm.clients().get(client.getId()).getOptionalClientScopes())
                    .extracting(ClientScopeRepresentation::getName).contains("organization");
        }

        JsonNode token = payload(passwordGrant(keycloak));
        assertThat(token.path("iss").asText()).isEqualTo(keycloak.issuerUri(RealmSetup.REALM));
        assertThat(roles(token)).contains(RealmSetup.PLATFORM_ADMIN_ROLE);
        assertThat(token.path("exp").asLong() - token.path("iat").asLong()).isEqualTo(300);
        assertThat(token.path("email").asText()).isEqualTo(RealmSetup.PLATFORM_ADMIN_USERNAME);
    }

    @Test
    void applyingTheRealmAgainIsHarmless() {
        KeycloakServer keycloak = TestServers.keycloak();

        assertThat(RealmSetup.apply(keycloak)).isEqualTo(RealmSetup.Outcome.ENSURED);
        assertThat(RealmSetup.apply(keycloak)).isEqualTo(RealmSetup.Outcome.ENSURED);

        try (Keycloak admin = keycloak.adminClient()) {
            RealmResource realm = admin.realm(RealmSetup.REALM);
            assertThat(realm.clients().findByClientId(RealmSetup.DEV_CLIENT_ID)).hasSize(1);
            assertThat(realm.users().search(RealmSetup.PLATFORM_ADMIN_USERNAME, true)).hasSize(1);
            assertThat(realm.roles().list()).filteredOn(r -> r.getName().equals(RealmSetup.PLATFORM_ADMIN_ROLE))
                    .hasSize(1);
        }
        assertThat(roles(payload(passwordGrant(keycloak)))).contains(RealmSetup.PLATFORM_ADMIN_ROLE);
        try (Keycloak admin = keycloak.adminClient()) {
            RealmResource realm = admin.realm(RealmSetup.REALM);
            assertThat(realm.toRepresentation().getBrowserFlow()).isEqualTo(RealmSetup.BROWSER_FLOW);
            assertThat(realm.flows().getExecutions(RealmSetup.BROWSER_FLOW))
                    .extracting(e -> e.getProviderId() + ":" + e.getRequirement())
                    .containsExactly("auth-cookie:ALTERNATIVE", "null:ALTERNATIVE",
                            RealmSetup.PHONE_OR_PASSWORD_AUTHENTICATOR + ":REQUIRED");
        }
    }

    @Test
    void aProductionRealmHasNoDevClientAndNoDemoAdminEvenAfterALocalSetup() {
        KeycloakServer keycloak = TestServers.keycloak();
        String name = "atelier-production-it";
        try (Keycloak admin = keycloak.adminClient()) {
            assertThat(RealmSetup.apply(admin, RealmSetup.Mode.PRODUCTION, name))
                    .isEqualTo(RealmSetup.Outcome.CREATED);
            RealmResource realm = admin.realm(name);
            assertThat(realm.clients().findByClientId(RealmSetup.DEV_CLIENT_ID)).isEmpty();
            assertThat(realm.users().search(RealmSetup.PLATFORM_ADMIN_USERNAME, true)).isEmpty();
            assertThat(realm.toRepresentation().getLoginTheme()).isEqualTo(RealmSetup.LOGIN_THEME);
            assertThat(realm.toRepresentation().getBrowserFlow()).isEqualTo(RealmSetup.BROWSER_FLOW);

            RealmSetup.apply(admin, RealmSetup.Mode.LOCAL, name);
            assertThat(realm.clients().findByClientId(RealmSetup.DEV_CLIENT_ID)).hasSize(1);
            assertThat(RealmSetup.apply(admin, RealmSetup.Mode.PRODUCTION, name))
                    .isEqualTo(RealmSetup.Outcome.ENSURED);
            assertThat(realm.clients().findByClientId(RealmSetup.DEV_CLIENT_ID)).isEmpty();
            assertThat(realm.users().search(RealmSetup.PLATFORM_ADMIN_USERNAME, true)).isEmpty();
            assertThat(realm.roles().get(RealmSetup.PLATFORM_ADMIN_ROLE).toRepresentation()).isNotNull();
            realm.remove();
        }
    }

    @Test
    void elasticsearchIsVersion9AndIndexesAndSearches() {
        ElasticsearchServer elasticsearch = TestServers.elasticsearch();
        String base = elasticsearch.baseUrl();

        assertThat(elasticsearch.version()).isEqualTo("9.2.0");
        HttpResponse<String> health = Http.get(base + "/_cluster/health", Duration.ofSeconds(10));
        assertThat(Http.json(health.body()).path("status").asText()).isIn("green", "yellow");

        HttpResponse<String> created = Http.send("PUT", base + "/locations-it", "application/json", """
                {"settings": {"number_of_replicas": 0},
                 "mappings": {"properties": {"name": {"type": "text"}, "tenant": {"type": "keyword"},
                                             "location": {"type": "geo_point"}}}}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        HttpResponse<String> indexed = Http.send("PUT", base + "/locations-it/_doc/1?refresh=true",
                "application/json",
                """
                        {"name": "Aurora Hair Jing'an", "tenant": "aurora", "location": {"lat": 31.22, "lon": 121.45}}""");
        assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);

        HttpResponse<String> found = Http.send("POST", base + "/locations-it/_search", "application/json", """
                {"query": {"bool": {"must": {"match": {"name": "aurora"}},
                  "filter": {"geo_distance": {"distance": "5km", "location": {"lat": 31.23, "lon": 121.47}}}}}}""");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode hits = Http.json(found.body()).path("hits");
        assertThat(hits.path("total").path("value").asInt()).isEqualTo(1);
        assertThat(hits.path("hits").get(0).path("_source").path("tenant").asText()).isEqualTo("aurora");
    }

    private static String passwordGrant(KeycloakServer keycloak) {
        return keycloak.accessToken(RealmSetup.REALM, RealmSetup.DEV_CLIENT_ID, RealmSetup.PLATFORM_ADMIN_USERNAME,
                RealmSetup.PLATFORM_ADMIN_PASSWORD, "openid organization");
    }

    private static JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return Http.json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static List<String> roles(JsonNode token) {
        return StreamSupport.stream(token.path("realm_access").path("roles").spliterator(), false)
                .map(JsonNode::asText).toList();
    }
}
