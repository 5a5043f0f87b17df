package dev.atelier.platform.identity;

import dev.atelier.platform.tenancy.Slug;

/**
 * What Atelier needs from its identity server: an organization per tenant, platform accounts, and memberships.
 * Every method throws {@link IdentityUnavailableException} when the server cannot be reached or fails.
 */
public interface IdentityProvider {

    /** Creates the tenant's organization; returns its id. */
    String createOrganization(Slug slug, String name);

    void deleteOrganization(String organizationId);

    boolean accountExists(String email);

    /** Creates a platform account; returns its user id. Throws {@link AccountExistsException} if the email is taken. */
    String createAccount(Account account);

    void deleteAccount(String userId);

    void addMember(String organizationId, String userId);
}
