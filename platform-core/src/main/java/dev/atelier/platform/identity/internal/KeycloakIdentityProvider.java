package dev.atelier.platform.identity.internal;

import dev.atelier.platform.identity.Account;
import dev.atelier.platform.identity.AccountExistsException;
import dev.atelier.platform.identity.Branding;
import dev.atelier.platform.identity.IdentityProperties;
import dev.atelier.platform.identity.IdentityProvider;
import dev.atelier.platform.identity.IdentityUnavailableException;
import dev.atelier.platform.tenancy.Slug;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** {@link IdentityProvider} on Keycloak 26 through its admin API: one organization per tenant in a shared realm. */
public class KeycloakIdentityProvider implements IdentityProvider, AutoCloseable {

    /** The user attribute holding a phone number (E.164); the realm's user profile declares it. */
    public static final String PHONE_ATTRIBUTE = "phoneNumber";
    /** Client attributes the login theme reads the tenant's brand from. */
    public static final String BRAND_PREFIX = "atelier.brand.";
    /** Client attribute naming the tenant a storefront client belongs to. */
    public static final String TENANT_ATTRIBUTE = "atelier.tenant";

    private final Keycloak keycloak;
    private final String realm;
    private final String audience;

    public KeycloakIdentityProvider(IdentityProperties properties) {
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(properties.serverUrl())
                .realm(properties.adminRealm())
                .clientId(properties.adminClientId())
                .username(properties.adminUsername())
                .password(properties.adminPassword())
                .build();
        this.realm = properties.realm();
        this.audience = properties.audience();
    }

    @Override
    public String createOrganization(Slug slug, String name) {
        return call("create organization " + slug, () -> {
            OrganizationRepresentation organization = new OrganizationRepresentation();
            organization.setAlias(slug.value());
            organization.setName(slug.value());
            organization.setDescription(name);
            organization.setEnabled(true);
            try (Response response = realm().organizations().create(organization)) {
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    @Override
    public void deleteOrganization(String organizationId) {
        call("delete organization " + organizationId, () -> {
            try (Response response = realm().organizations().get(organizationId).delete()) {
                return response.getStatus();
            }
        });
    }

    @Override
    public String createStorefrontClient(Slug slug, String storefrontUrl, Branding brand) {
        return call("create the storefront client of " + slug, () -> {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(IdentityProvider.storefrontClientId(slug));
            client.setName(brand.name());
            client.setDescription("Customer sign-in on the storefront of " + slug.value());
            client.setProtocol("openid-connect");
            client.setPublicClient(true);
            client.setStandardFlowEnabled(true);
            client.setDirectAccessGrantsEnabled(false);
            client.setImplicitFlowEnabled(false);
            client.setServiceAccountsEnabled(false);
            client.setFrontchannelLogout(true);
            client.setBaseUrl(storefrontUrl);
            client.setRootUrl(storefrontUrl);
            client.setRedirectUris(List.of(storefrontUrl + "/*"));
            client.setWebOrigins(List.of(storefrontUrl));
            Map<String, String> attributes = new HashMap<>(brandAttributes(brand));
            attributes.put("pkce.code.challenge.method", "S256");
            attributes.put("post.logout.redirect.uris", storefrontUrl + "/*");
            attributes.put(TENANT_ATTRIBUTE, slug.value());
            client.setAttributes(attributes);
            client.setDefaultClientScopes(List.of("basic", "profile", "email", "roles", "web-origins", "acr"));
            client.setProtocolMappers(List.of(audienceMapper()));
            try (Response response = realm().clients().create(client)) {
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    @Override
    public void deleteStorefrontClient(String clientId) {
        call("delete storefront client " + clientId, () -> {
            realm().clients().get(clientId).remove();
            return null;
        });
    }

    @Override
    public void brandStorefront(Slug slug, String storefrontUrl, Branding brand) {
        Optional<ClientRepresentation> existing = call("find the storefront client of " + slug, () -> realm()
                .clients().findByClientId(IdentityProvider.storefrontClientId(slug)).stream().findFirst());
        if (existing.isEmpty()) {
            createStorefrontClient(slug, storefrontUrl, brand);
            return;
        }
        call("brand the storefront client of " + slug, () -> {
            ClientRepresentation client = existing.get();
            Map<String, String> attributes = new HashMap<>(client.getAttributes());
            attributes.putAll(brandAttributes(brand));
            if (brand.logoUrl() == null) {
                attributes.remove(BRAND_PREFIX + "logo");
            }
            client.setAttributes(attributes);
            client.setName(brand.name());
            realm().clients().get(client.getId()).update(client);
            return null;
        });
    }

    private static Map<String, String> brandAttributes(Branding brand) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(BRAND_PREFIX + "name", brand.name());
        attributes.put(BRAND_PREFIX + "primary", brand.primaryColour());
        attributes.put(BRAND_PREFIX + "on-primary", brand.textOnPrimary());
        attributes.put(BRAND_PREFIX + "accent", brand.accentColour());
        if (brand.logoUrl() != null) {
            attributes.put(BRAND_PREFIX + "logo", brand.logoUrl());
        }
        return attributes;
    }

    /** Tokens for the storefront are for Atelier's APIs: {@code aud} names them. */
    private ProtocolMapperRepresentation audienceMapper() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("atelier-api audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.custom.audience", audience, "access.token.claim", "true",
                "id.token.claim", "false", "introspection.token.claim", "true"));
        return mapper;
    }

    @Override
    public boolean accountExists(String email) {
        return call("look up an account", () -> !realm().users().searchByEmail(email, true).isEmpty());
    }

    @Override
    public Optional<String> findAccountByEmail(String email) {
        return call("look up an account", () -> realm().users().searchByEmail(email, true).stream()
                .map(UserRepresentation::getId)
                .findFirst());
    }

    @Override
    public Optional<String> findAccountByPhone(String phone) {
        return call("look up an account", () -> {
            Optional<String> byUsername = realm().users().searchByUsername(phone, true).stream()
                    .map(UserRepresentation::getId)
                    .findFirst();
            if (byUsername.isPresent()) {
                return byUsername;
            }
            return realm().users().searchByAttributes(PHONE_ATTRIBUTE + ":" + phone, true).stream()
                    .map(UserRepresentation::getId)
                    .findFirst();
        });
    }

    @Override
    public String createAccount(Account account) {
        return call("create account", () -> {
            if (account.phone() != null && findAccountByPhone(account.phone()).isPresent()) {
                throw new AccountExistsException();
            }
            UserRepresentation user = new UserRepresentation();
            user.setUsername(account.username());
            user.setEmail(account.email());
            user.setFirstName(account.name());
            user.setEnabled(true);
            if (account.phone() != null) {
                user.setAttributes(Map.of(PHONE_ATTRIBUTE, List.of(account.phone())));
            }
            if (account.password() != null) {
                CredentialRepresentation password = new CredentialRepresentation();
                password.setType(CredentialRepresentation.PASSWORD);
                password.setValue(account.password());
                password.setTemporary(false);
                user.setCredentials(List.of(password));
            } else {
                user.setRequiredActions(List.of("UPDATE_PASSWORD"));
            }
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new AccountExistsException();
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    @Override
    public void deleteAccount(String userId) {
        call("delete account " + userId, () -> {
            try (Response response = realm().users().delete(userId)) {
                return response.getStatus();
            }
        });
    }

    @Override
    public void addMember(String organizationId, String userId) {
        call("add a member", () -> {
            try (Response response = realm().organizations().get(organizationId).members().addMember(userId)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    return response.getStatus();
                }
                if (response.getStatus() >= 300) {
                    throw new WebApplicationException("adding the member answered " + response.getStatus(),
                            response.getStatus());
                }
                return response.getStatus();
            }
        });
    }

    @Override
    public void removeMember(String organizationId, String userId) {
        call("remove a member", () -> {
            try (Response response = realm().organizations().get(organizationId).members().member(userId)
                    .delete()) {
                int status = response.getStatus();
                if (status >= 300 && status != Response.Status.NOT_FOUND.getStatusCode()) {
                    throw new WebApplicationException("removing the member answered " + status, status);
                }
                return status;
            }
        });
    }

    @Override
    public void close() {
        keycloak.close();
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private static <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (AccountExistsException e) {
            throw e;
        } catch (ProcessingException | WebApplicationException e) {
            throw new IdentityUnavailableException("identity server could not " + what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IdentityUnavailableException("identity server could not " + what + ": " + e, e);
        }
    }
}
