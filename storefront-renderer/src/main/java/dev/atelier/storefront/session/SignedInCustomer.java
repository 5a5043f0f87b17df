package dev.atelier.storefront.session;

import dev.atelier.platform.security.Caller;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A customer signed in to one chain's storefront: who they are by their verified access token ({@link Caller}), the
 * chain ({@code tenant}, its slug) whose storefront they signed in to, and the ID token sign-out needs. A session
 * only counts on that chain's hosts.
 */
public record SignedInCustomer(String tenant, Caller caller, OidcIdToken idToken,
        Collection<? extends GrantedAuthority> authorities) implements OidcUser {

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return null;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getName() {
        return caller.userId();
    }

    /** What the pages call the customer: their name, else their email or phone. */
    public String displayName() {
        if (caller.name() != null && !caller.name().isBlank()) {
            return caller.name();
        }
        return caller.email() != null ? caller.email() : caller.phone() == null ? "" : caller.phone();
    }
}
