package dev.atelier.infra.keycloak;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.infra.servers.KeycloakServer;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@value #REALM} realm from {@value #RESOURCE}, idempotently: an absent realm is imported whole; a
 * present one gets the declared realm settings, roles, clients (with their client scopes) and users (with password and
 * realm roles) ensured, leaving everything else (organizations, other users, tenant data) alone.
 * <p>
 * The realm declares organizations enabled, the {@value #PLATFORM_ADMIN_ROLE} realm role, the public client
 * {@value #DEV_CLIENT_ID} with the password grant and the platform admin {@value #PLATFORM_ADMIN_USERNAME} (both
 * {@link Mode#LOCAL} only: {@link Mode#PRODUCTION} leaves them out and removes them where they exist), the login
 * theme {@value #LOGIN_THEME} and the browser flow {@value #BROWSER_FLOW} (password or SMS code), both from the
 * {@code keycloak-extensions} provider jar, which must be in the server's {@code providers/}. Tenant staff roles are
 * kept by the application, not here.
 */
public final class RealmSetup {

    public static final String REALM = "atelier";
    public static final String RESOURCE = "keycloak/realm-atelier.json";
    public static final String DEV_CLIENT_ID = "atelier-dev";
    public static final String PLATFORM_ADMIN_ROLE = "platform-admin";
    public static final String PLATFORM_ADMIN_USERNAME = "admin@atelier.test";
    public static final String PLATFORM_ADMIN_PASSWORD = "atelier-admin";
    /** Every account has this realm role (it is one of the realm's default roles): anyone may book. */
    public static final String CUSTOMER_ROLE = "customer";
    public static final String DEFAULT_ROLES = "default-roles-atelier";
    public static final String LOGIN_THEME = "atelier";
    /** The browser flow: an existing session (cookie), else the password-or-SMS-code form. */
    public static final String BROWSER_FLOW = "atelier-browser";
    /** The authenticator from the provider jar. */
    public static final String PHONE_OR_PASSWORD_AUTHENTICATOR = "atelier-phone-or-password";
    /** The registration flow: Keycloak's, plus the check that a new account has an email or a phone number. */
    public static final String REGISTRATION_FLOW = "atelier-registration";
    /** The registration form action from the provider jar. */
    public static final String REGISTRATION_CONTACT_ACTION = "atelier-registration-contact";

    /** Where the realm is for. */
    public enum Mode {
        /** Local stack and tests: with the dev client and the demo platform admin. */
        LOCAL,
        /** A real deployment: neither the dev client (password grant) nor the demo platform admin exists. */
        PRODUCTION
    }

    /** What {@link #apply} did. */
    public enum Outcome {
        /** The realm was absent and has been imported. */
        CREATED,
        /** The realm was there; its declared parts have been ensured. */
        ENSURED
    }

    private static final Logger log = LoggerFactory.getLogger(RealmSetup.class);
    private static final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final List<String> PARTS = List.of("roles", "clients", "users");

    private RealmSetup() {
    }

    /** Applies the local realm to {@code server} as its bootstrap admin. */
    public static Outcome apply(KeycloakServer server) {
        try (Keycloak admin = server.adminClient()) {
            return apply(admin, Mode.LOCAL);
        }
    }

    /** Applies the realm with an admin client logged in to the master realm. */
    public static Outcome apply(Keycloak admin, Mode mode) {
        return apply(admin, mode, REALM);
    }

    /** Applies the realm under another name (a second realm for one big chain, a test's throw-away realm). */
    public static Outcome apply(Keycloak admin, Mode mode, String realmName) {
        ObjectNode definition = definitionJson(mode);
        definition.put("realm", realmName);
        renameDefaultRoles(definition, realmName);
        RealmResource realm = admin.realm(realmName);
        if (!exists(realm)) {
            try {
                admin.realms().create(json.convertValue(definition, RealmRepresentation.class));
                ensureProfile(realm);
                ensureDefaultRoles(realm);
                ensureBrowserFlow(realm);
                ensureRegistrationFlow(realm);
                log.info("Created Keycloak realm {}", realmName);
                return Outcome.CREATED;
            } catch (ClientErrorException e) {
                if (e.getResponse().getStatus() != Response.Status.CONFLICT.getStatusCode()) {
                    throw e;
                }
                // created concurrently by someone else: ensure below
            }
        }
        ensure(realm, definition);
        if (mode == Mode.PRODUCTION) {
            removeLocalOnlyParts(realm);
        }
        log.info("Ensured Keycloak realm {} ({})", realmName, mode);
        return Outcome.ENSURED;
    }

    /** The realm as declared in {@value #RESOURCE}, for {@code mode}. */
    public static RealmRepresentation definition(Mode mode) {
        return json.convertValue(definitionJson(mode), RealmRepresentation.class);
    }

    private static ObjectNode definitionJson(Mode mode) {
        ObjectNode definition;
        try (InputStream in = RealmSetup.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            definition = (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
        if (mode == Mode.PRODUCTION) {
            definition.withArray("clients").removeIf(client -> DEV_CLIENT_ID.equals(client.path("clientId").asText()));
            definition.withArray("users")
                    .removeIf(user -> PLATFORM_ADMIN_USERNAME.equals(user.path("username").asText()));
        }
        return definition;
    }

    /** Users declared with the default roles of {@value #REALM} get those of the realm actually set up. */
    private static void renameDefaultRoles(ObjectNode definition, String realmName) {
        for (var user : definition.withArray("users")) {
            var roles = ((ObjectNode) user).withArray("realmRoles");
            for (int i = 0; i < roles.size(); i++) {
                if (DEFAULT_ROLES.equals(roles.get(i).asText())) {
                    roles.set(i, "default-roles-" + realmName);
                }
            }
        }
    }

    /** A realm that was once set up locally loses the dev client and the demo platform admin. */
    private static void removeLocalOnlyParts(RealmResource realm) {
        for (ClientRepresentation client : realm.clients().findByClientId(DEV_CLIENT_ID)) {
            realm.clients().get(client.getId()).remove();
            log.info("Removed the {} client (production realm)", DEV_CLIENT_ID);
        }
        for (UserRepresentation user : realm.users().search(PLATFORM_ADMIN_USERNAME, true)) {
            realm.users().get(user.getId()).remove();
            log.info("Removed the demo platform admin {} (production realm)", PLATFORM_ADMIN_USERNAME);
        }
    }

    /**
     * The {@value #BROWSER_FLOW} flow: an existing session, or the {@value #PHONE_OR_PASSWORD_AUTHENTICATOR} form
     * (which does both passwords and SMS codes), bound as the realm's browser flow. Built from scratch rather than
     * copied from Keycloak's own, so it has exactly these steps on every Keycloak version.
     */
    /**
     * The {@value #REGISTRATION_FLOW} flow: a copy of Keycloak's registration flow whose form also runs
     * {@value #REGISTRATION_CONTACT_ACTION}, bound as the realm's registration flow.
     */
    private static void ensureRegistrationFlow(RealmResource realm) {
        boolean present = realm.flows().getFlows().stream()
                .anyMatch(flow -> REGISTRATION_FLOW.equals(flow.getAlias()));
        if (!present) {
            try (Response response = realm.flows().copy("registration", Map.of("newName", REGISTRATION_FLOW))) {
                if (response.getStatus() >= 300) {
                    throw new IllegalStateException("could not copy the registration flow: " + response.getStatus());
                }
            }
        }
        List<AuthenticationExecutionInfoRepresentation> executions = realm.flows().getExecutions(REGISTRATION_FLOW);
        if (executions.stream().noneMatch(e -> REGISTRATION_CONTACT_ACTION.equals(e.getProviderId()))) {
            String form = executions.stream()
                    .filter(e -> Boolean.TRUE.equals(e.getAuthenticationFlow()) && e.getLevel() == 0)
                    .map(AuthenticationExecutionInfoRepresentation::getDisplayName)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the registration flow has no form"));
            realm.flows().addExecution(form, Map.of("provider", REGISTRATION_CONTACT_ACTION));
            setRequirements(realm, form,
                    execution -> REGISTRATION_CONTACT_ACTION.equals(execution.getProviderId()) ? "REQUIRED" : null);
        }
        RealmRepresentation current = realm.toRepresentation();
        if (!REGISTRATION_FLOW.equals(current.getRegistrationFlow())) {
            current.setRegistrationFlow(REGISTRATION_FLOW);
            realm.update(current);
        }
    }

    private static void ensureBrowserFlow(RealmResource realm) {
        String forms = BROWSER_FLOW + "-forms";
        boolean complete = realm.flows().getFlows().stream().anyMatch(flow -> BROWSER_FLOW.equals(flow.getAlias()))
                && realm.flows().getExecutions(BROWSER_FLOW).stream()
                        .anyMatch(execution -> PHONE_OR_PASSWORD_AUTHENTICATOR.equals(execution.getProviderId()));
        if (!complete) {
            RealmRepresentation current = realm.toRepresentation();
            if (BROWSER_FLOW.equals(current.getBrowserFlow())) {
                current.setBrowserFlow("browser");
                realm.update(current);
            }
            realm.flows().getFlows().stream()
                    .filter(flow -> BROWSER_FLOW.equals(flow.getAlias()) || forms.equals(flow.getAlias()))
                    .forEach(flow -> realm.flows().deleteFlow(flow.getId()));
            AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
            flow.setAlias(BROWSER_FLOW);
            flow.setDescription("Atelier browser sign-in: an existing session, else password or SMS code");
            flow.setProviderId("basic-flow");
            flow.setTopLevel(true);
            flow.setBuiltIn(false);
            try (Response response = realm.flows().createFlow(flow)) {
                CreatedResponseUtil.getCreatedId(response);
            }
            realm.flows().addExecution(BROWSER_FLOW, Map.of("provider", "auth-cookie"));
            realm.flows().addExecutionFlow(BROWSER_FLOW,
                    Map.of("alias", forms, "type", "basic-flow", "description", "Sign-in forms"));
            realm.flows().addExecution(forms, Map.of("provider", PHONE_OR_PASSWORD_AUTHENTICATOR));
            setRequirements(realm, BROWSER_FLOW, execution -> execution.getLevel() == 0 ? "ALTERNATIVE" : "REQUIRED");
        }
        RealmRepresentation current = realm.toRepresentation();
        if (!BROWSER_FLOW.equals(current.getBrowserFlow())) {
            current.setBrowserFlow(BROWSER_FLOW);
            realm.update(current);
        }
    }

    /** Gives each execution of {@code flow} the requirement {@code wanted} names for it (null: as it is). */
    private static void setRequirements(RealmResource realm, String flow,
            Function<AuthenticationExecutionInfoRepresentation, String> wanted) {
        for (AuthenticationExecutionInfoRepresentation execution : realm.flows().getExecutions(flow)) {
            String requirement = wanted.apply(execution);
            if (requirement != null && !requirement.equals(execution.getRequirement())) {
                execution.setRequirement(requirement);
                realm.flows().updateExecutions(flow, execution);
            }
        }
    }

    private static boolean exists(RealmResource realm) {
        try {
            realm.toRepresentation();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void ensure(RealmResource realm, ObjectNode definition) {
        ObjectNode settings = definition.deepCopy();
        settings.remove(PARTS);
        realm.update(json.convertValue(settings, RealmRepresentation.class));

        RealmRepresentation declared = json.convertValue(definition, RealmRepresentation.class);
        if (declared.getRoles() != null && declared.getRoles().getRealm() != null) {
            declared.getRoles().getRealm().forEach(role -> ensureRole(realm, role));
        }
        if (declared.getClients() != null) {
            declared.getClients().forEach(client -> ensureClient(realm, client));
        }
        ensureProfile(realm);
        ensureDefaultRoles(realm);
        ensureBrowserFlow(realm);
        ensureRegistrationFlow(realm);
        if (declared.getUsers() != null) {
            declared.getUsers().forEach(user -> ensureUser(realm, user));
        }
    }

    /**
     * People have one display name here (kept in {@code firstName}); Keycloak's default profile also requires
     * {@code lastName}, and an account without one cannot sign in ("Account is not fully set up"); the same holds
     * for {@code email}, which customers signing in by phone need not have. Attributes the
     * profile does not declare (the phone number) are kept and editable by administrators.
     */
    private static void ensureProfile(RealmResource realm) {
        UPConfig profile = realm.users().userProfile().getConfiguration();
        boolean changed = false;
        for (String optional : List.of("lastName", "email")) {
            UPAttribute attribute = profile.getAttribute(optional);
            if (attribute != null && attribute.getRequired() != null) {
                attribute.setRequired(null);
                changed = true;
            }
        }
        if (profile.getUnmanagedAttributePolicy() != UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT) {
            profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
            changed = true;
        }
        if (changed) {
            realm.users().userProfile().update(profile);
        }
    }

    /** Accounts however made (admin API, registration page) get the {@value #CUSTOMER_ROLE} role. */
    private static void ensureDefaultRoles(RealmResource realm) {
        String defaultRoles = "default-roles-" + realm.toRepresentation().getRealm();
        boolean present = realm.roles().get(defaultRoles).getRealmRoleComposites().stream()
                .anyMatch(role -> CUSTOMER_ROLE.equals(role.getName()));
        if (!present) {
            realm.roles().get(defaultRoles).addComposites(
                    List.of(realm.roles().get(CUSTOMER_ROLE).toRepresentation()));
        }
    }

    private static void ensureRole(RealmResource realm, RoleRepresentation role) {
        try {
            RoleRepresentation existing = realm.roles().get(role.getName()).toRepresentation();
            if (!Objects.equals(existing.getDescription(), role.getDescription())) {
                existing.setDescription(role.getDescription());
                realm.roles().get(role.getName()).update(existing);
            }
        } catch (NotFoundException e) {
            realm.roles().create(role);
        }
    }

    private static void ensureClient(RealmResource realm, ClientRepresentation client) {
        List<ClientRepresentation> found = realm.clients().findByClientId(client.getClientId());
        if (found.isEmpty()) {
            try (Response response = realm.clients().create(client)) {
                CreatedResponseUtil.getCreatedId(response);
            }
            return;
        }
        String id = found.getFirst().getId();
        ClientResource resource = realm.clients().get(id);
        ClientRepresentation update = json.convertValue(client, ClientRepresentation.class);
        update.setId(id);
        update.setDefaultClientScopes(null);
        update.setOptionalClientScopes(null);
        update.setProtocolMappers(null);
        resource.update(update);

        List<String> mappers = resource.getProtocolMappers().getMappers().stream()
                .map(ProtocolMapperRepresentation::getName)
                .toList();
        for (ProtocolMapperRepresentation mapper : orEmpty(client.getProtocolMappers())) {
            if (!mappers.contains(mapper.getName())) {
                try (Response response = resource.getProtocolMappers().createMapper(mapper)) {
                    if (response.getStatus() >= 300) {
                        throw new IllegalStateException("could not add mapper " + mapper.getName() + " to "
                                + client.getClientId() + ": " + response.getStatus());
                    }
                }
            }
        }

        Map<String, String> scopeIds = realm.clientScopes().findAll().stream()
                .collect(Collectors.toMap(ClientScopeRepresentation::getName, ClientScopeRepresentation::getId));
        List<String> defaults = names(resource.getDefaultClientScopes());
        List<String> optionals = names(resource.getOptionalClientScopes());
        for (String scope : orEmpty(client.getDefaultClientScopes())) {
            String scopeId = scopeIds.get(scope);
            if (scopeId != null && !defaults.contains(scope)) {
                if (optionals.contains(scope)) {
                    resource.removeOptionalClientScope(scopeId);
                }
                resource.addDefaultClientScope(scopeId);
            }
        }
        for (String scope : orEmpty(client.getOptionalClientScopes())) {
            String scopeId = scopeIds.get(scope);
            if (scopeId != null && !optionals.contains(scope)) {
                if (defaults.contains(scope)) {
                    resource.removeDefaultClientScope(scopeId);
                }
                resource.addOptionalClientScope(scopeId);
            }
        }
    }

    private static void ensureUser(RealmResource realm, UserRepresentation user) {
        List<UserRepresentation> found = realm.users().search(user.getUsername(), true);
        String id;
        if (found.isEmpty()) {
            UserRepresentation create = json.convertValue(user, UserRepresentation.class);
            create.setRealmRoles(null);
            try (Response response = realm.users().create(create)) {
                id = CreatedResponseUtil.getCreatedId(response);
            }
        } else {
            id = found.getFirst().getId();
            UserRepresentation update = new UserRepresentation();
            update.setEmail(user.getEmail());
            update.setEmailVerified(user.isEmailVerified());
            update.setEnabled(user.isEnabled());
            update.setFirstName(user.getFirstName());
            update.setLastName(user.getLastName());
            update.setRequiredActions(List.of());
            UserResource resource = realm.users().get(id);
            resource.update(update);
            for (CredentialRepresentation credential : orEmpty(user.getCredentials())) {
                if (CredentialRepresentation.PASSWORD.equals(credential.getType())) {
                    resource.resetPassword(credential);
                }
            }
        }
        UserResource resource = realm.users().get(id);
        List<String> granted = resource.roles().realmLevel().listAll().stream().map(RoleRepresentation::getName)
                .toList();
        List<RoleRepresentation> missing = new ArrayList<>();
        for (String role : orEmpty(user.getRealmRoles())) {
            if (!granted.contains(role)) {
                try {
                    missing.add(realm.roles().get(role).toRepresentation());
                } catch (NotFoundException e) {
                    throw new IllegalStateException("realm role " + role + " for user " + user.getUsername()
                            + " does not exist", e);
                }
            }
        }
        if (!missing.isEmpty()) {
            resource.roles().realmLevel().add(missing);
        }
    }

    private static List<String> names(List<ClientScopeRepresentation> scopes) {
        return scopes.stream().map(ClientScopeRepresentation::getName).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
