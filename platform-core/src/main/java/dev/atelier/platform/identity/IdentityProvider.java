package dev.atelier.platform.identity;

import dev.atelier.platform.tenancy.Slug;
import java.util.Optional;

/**
 * What Atelier needs from its identity server: an organization per tenant, platform accounts, and memberships.
 * Every method throws {@link IdentityUnavailableException} when the server cannot be reached or fails.
 */
public interface IdentityProvider {

    /** Creates the tenant's organization; returns its id. */
    String createOrganization(Slug slug, String name);

    void deleteOrganization(String organizationId);

    /**
     * Creates the tenant's storefront client: the authorization-code client (public, PKCE) its storefront at
     * {@code storefrontUrl} signs customers in with, carrying {@code brand} for the login pages. Returns its id.
     */
    String createStorefrontClient(Slug slug, String storefrontUrl, Branding brand);

    void deleteStorefrontClient(String clientId);

    /**
     * Gives the tenant's storefront client (and so its login pages) a new brand; creates the client if the tenant
     * has none (a tenant from before storefront clients existed).
     */
    void brandStorefront(Slug slug, String storefrontUrl, Branding brand);

    /** The client id the tenant's storefront signs customers in with. */
    static String storefrontClientId(Slug slug) {
        return "storefront-" + slug.value();
    }

    boolean accountExists(String email);

    /** The user id of the account signed in with {@code email}, if there is one. */
    Optional<String> findAccountByEmail(String email);

    /** The user id of the account with {@code phone} (E.164) as user name or phone number, if there is one. */
    Optional<String> findAccountByPhone(String phone);

    /**
     * Creates a platform account; returns its user id. Throws {@link AccountExistsException} if its email or phone
     * is taken.
     */
    String createAccount(Account account);

    void deleteAccount(String userId);

    /** Makes the account a member of the organization; a member already is left as it is. */
    void addMember(String organizationId, String userId);

    /** Takes the account out of the organization; a non-member is left as it is. */
    void removeMember(String organizationId, String userId);
}
