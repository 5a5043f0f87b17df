package dev.atelier.infra.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

class RealmSetupTest {

    @Test
    void theRealmFileDeclaresWhatTheContractPromises() {
        RealmRepresentation realm = RealmSetup.definition(RealmSetup.Mode.LOCAL);

        assertThat(realm.getRealm()).isEqualTo(RealmSetup.REALM);
        assertThat(realm.isEnabled()).isTrue();
        assertThat(realm.isOrganizationsEnabled()).isTrue();
        assertThat(realm.getAccessTokenLifespan()).isEqualTo(300);
        assertThat(realm.getLoginTheme()).isEqualTo(RealmSetup.LOGIN_THEME);
        assertThat(realm.isRegistrationAllowed()).isTrue();
        assertThat(realm.isBruteForceProtected()).isTrue();
        assertThat(realm.getSupportedLocales()).containsExactly("en", "zh-CN");
        assertThat(realm.getRoles().getRealm()).extracting("name").containsExactly(RealmSetup.PLATFORM_ADMIN_ROLE,
                RealmSetup.CUSTOMER_ROLE);

        ClientRepresentation client = realm.getClients().getFirst();
        assertThat(client.getClientId()).isEqualTo(RealmSetup.DEV_CLIENT_ID);
        assertThat(client.isPublicClient()).isTrue();
        assertThat(client.isDirectAccessGrantsEnabled()).isTrue();
        assertThat(client.getOptionalClientScopes()).contains("organization");
        assertThat(client.getDefaultClientScopes()).contains("roles", "email", "profile");
        assertThat(client.getProtocolMappers()).singleElement().satisfies(mapper -> {
            assertThat(mapper.getProtocolMapper()).isEqualTo("oidc-audience-mapper");
            assertThat(mapper.getConfig()).containsEntry("included.custom.audience", "atelier-api");
        });

        UserRepresentation admin = realm.getUsers().getFirst();
        assertThat(admin.getUsername()).isEqualTo(RealmSetup.PLATFORM_ADMIN_USERNAME);
        assertThat(admin.getEmail()).isEqualTo(RealmSetup.PLATFORM_ADMIN_USERNAME);
        assertThat(admin.isEmailVerified()).isTrue();
        assertThat(admin.getRealmRoles()).contains(RealmSetup.PLATFORM_ADMIN_ROLE);
        assertThat(admin.getCredentials()).singleElement().satisfies(credential -> {
            assertThat(credential.getType()).isEqualTo("password");
            assertThat(credential.getValue()).isEqualTo(RealmSetup.PLATFORM_ADMIN_PASSWORD);
            assertThat(credential.isTemporary()).isFalse();
        });
    }

    @Test
    void aProductionRealmHasNeitherTheDevClientNorTheDemoAdmin() {
        RealmRepresentation local = RealmSetup.definition(RealmSetup.Mode.LOCAL);
        RealmRepresentation production = RealmSetup.definition(RealmSetup.Mode.PRODUCTION);

        assertThat(production.getClients()).extracting(ClientRepresentation::getClientId)
                .doesNotContain(RealmSetup.DEV_CLIENT_ID);
        assertThat(production.getUsers()).extracting(UserRepresentation::getUsername)
                .doesNotContain(RealmSetup.PLATFORM_ADMIN_USERNAME);
        assertThat(production.getRoles().getRealm()).extracting("name")
                .containsExactlyElementsOf(local.getRoles().getRealm().stream().map(r -> r.getName()).toList());
        assertThat(production.getLoginTheme()).isEqualTo(local.getLoginTheme());
    }
}
