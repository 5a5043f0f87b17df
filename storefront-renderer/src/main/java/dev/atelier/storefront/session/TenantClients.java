package dev.atelier.storefront.session;

import dev.atelier.platform.identity.IdentityProperties;
import dev.atelier.platform.identity.IdentityProvider;
import dev.atelier.platform.tenancy.Slug;
import dev.atelier.platform.tenancy.Tenant;
import dev.atelier.platform.tenancy.TenantDirectory;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * Each chain's storefront client as the sign-in flow needs it, by the chain's slug: the public client
 * {@code storefront-<slug>} (PKCE, no secret) in the realm the registry places the chain in. The browser goes to the
 * realm's public address; codes are redeemed and keys fetched at the server's own address.
 */
class TenantClients implements ClientRegistrationRepository {

    static final String SIGNED_IN_PATH = "/signed-in";

    private final TenantDirectory directory;
    private final IdentityProperties identity;

    TenantClients(TenantDirectory directory, IdentityProperties identity) {
        this.directory = directory;
        this.identity = identity;
    }

    @Override
    public ClientRegistration findByRegistrationId(String slug) {
        return tenant(slug).map(this::client).orElse(null);
    }

    private Optional<Tenant> tenant(String slug) {
        if (slug == null || Slug.problemWith(slug).isPresent()) {
            return Optional.empty();
        }
        return directory.bySlug(Slug.of(slug)).filter(Tenant::isServable);
    }

    private ClientRegistration client(Tenant tenant) {
        String realm = tenant.placement().realm();
        String issuer = identity.issuerOf(realm);
        String server = identity.serverUrl().replaceAll("/+$", "") + "/realms/" + realm + "/protocol/openid-connect";
        return ClientRegistration.withRegistrationId(tenant.slug().value())
                .clientId(IdentityProvider.storefrontClientId(tenant.slug()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}" + SIGNED_IN_PATH)
                .scope("openid")
                .authorizationUri(issuer + "/protocol/openid-connect/auth")
                .tokenUri(server + "/token")
                .jwkSetUri(identity.jwkSetOf(realm))
                .issuerUri(issuer)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint",
                        issuer + "/protocol/openid-connect/logout"))
                .clientName(tenant.name())
                .build();
    }
}
